//! Charts as inline SVG (role="img" with a title and description) and the
//! table with the same numbers one click away, downloadable as CSV.

use parley_core::table::{decimal, Table};
use parley_core::text;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::place::JumpTo;

/// One bar: a key (person or delegation id), its label, value, the text shown
/// beside it and the classes that colour it.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub text: String,
    pub class: String,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Unique within the page: the ids of the title and description derive from it.
    pub id: AttrValue,
    pub title: AttrValue,
    pub description: AttrValue,
    pub bars: Vec<Bar>,
}

const ROW: f64 = 26.0;
const LABEL_WIDTH: f64 = 190.0;
const BAR_WIDTH: f64 = 260.0;
const WIDTH: f64 = 640.0;

/// Horizontal bars, longest first as given, each labelled with its name and value.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let max = props
        .bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let height = ROW * props.bars.len() as f64 + 4.0;
    let (title_id, desc_id) = (format!("{}-title", props.id), format!("{}-desc", props.id));
    let rows = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = ROW * i as f64 + 2.0;
        let width = (bar.value / max * BAR_WIDTH).max(if bar.value > 0.0 { 1.5 } else { 0.0 });
        html! {
            <g class="bar" data-key={bar.key.clone()} data-value={decimal(bar.value)}>
                <text class="bar__label" x={decimal(LABEL_WIDTH - 8.0)} y={decimal(y + ROW * 0.62)} text-anchor="end">{ bar.label.clone() }</text>
                <rect class={classes!("bar__rect", bar.class.clone())} x={decimal(LABEL_WIDTH)} y={decimal(y + 4.0)}
                      width={decimal(width)} height={decimal(ROW - 8.0)} />
                <text class="bar__value" x={decimal(LABEL_WIDTH + width + 6.0)} y={decimal(y + ROW * 0.62)}>{ bar.text.clone() }</text>
            </g>
        }
    });
    html! {
        <svg class="chart" viewBox={format!("0 0 {} {}", decimal(WIDTH), decimal(height))} role="img"
             aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ props.title.clone() }</title>
            <desc id={desc_id}>{ props.description.clone() }</desc>
            { for rows }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableBlockProps {
    pub caption: AttrValue,
    /// The CSV file's name.
    pub file: AttrValue,
    pub table: Table,
}

/// The numbers of a chart as a real table, behind a disclosure, with a CSV download.
#[function_component(TableBlock)]
pub fn table_block(props: &TableBlockProps) -> Html {
    let jump = use_context::<JumpTo>();
    let download = {
        let csv = props.table.to_csv();
        let file = props.file.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Err(error) = download_text(&file, &csv, "text/csv;charset=utf-8") {
                gloo::console::error!("Parley: the CSV download failed", error);
            }
        })
    };
    let table = &props.table;
    let cell = |row: usize, column: usize, text: &String| -> Html {
        let turn = table
            .turns
            .get(row)
            .copied()
            .flatten()
            .filter(|_| table.turn_column == Some(column));
        match (turn, jump.clone()) {
            (Some(turn), Some(JumpTo(jump))) => {
                let onclick = Callback::from(move |event: MouseEvent| {
                    event.prevent_default();
                    jump.emit(turn.into());
                });
                html! { <a href={format!("#t{turn}")} {onclick}>{ text.clone() }</a> }
            }
            _ => html! { { text.clone() } },
        }
    };
    html! {
        <details class="table-block">
            <summary>{ text::tables::caption(&props.caption) }</summary>
            // Focusable, so that a keyboard can scroll a table wider than the page.
            <div class="table-block__scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
                <table>
                    <caption>{ props.caption.clone() }</caption>
                    <thead><tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { for table.rows.iter().enumerate().map(|(r, row)| html! {
                            <tr data-key={table.keys.get(r).cloned().unwrap_or_default()}>
                                { for row.iter().enumerate().map(|(c, text)| if c == 0 {
                                    html! { <th scope="row">{ text.clone() }</th> }
                                } else {
                                    html! { <td>{ cell(r, c, text) }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" onclick={download}>{ text::tables::download(&props.file) }</button>
        </details>
    }
}

/// Saves `text` as a file, generated in the browser (no server).
fn download_text(file: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let anchor: HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file);
    anchor.click();
    Url::revoke_object_url(&url)
}
