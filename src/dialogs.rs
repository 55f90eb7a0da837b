//! The "Cite" and "Embed" dialogs: native modal `<dialog>`s (the browser keeps
//! focus inside, Escape closes them and focus returns to the opener), each a
//! list of texts with a button that copies one.

use parley_core::cite::{Cited, Style};
use parley_core::model::Date;
use parley_core::text;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::clipboard::copy_text;
use crate::host::Host;
use crate::place::Target;
use crate::reader::Doc;
use crate::state::Store;

/// Which dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Citations of the record, or of a turn.
    Cite(Option<u32>),
    /// Snippets that embed the current view in another page.
    Embed,
}

/// Opens a dialog (provided by the app, which holds it).
#[derive(Clone, PartialEq)]
pub struct OpenDialog(pub Callback<Dialog>);

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub dialog: Option<Dialog>,
    pub on_close: Callback<()>,
}

/// The open dialog, if any.
#[function_component(Dialogs)]
pub fn dialogs(props: &DialogProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.dialog, move |dialog| {
            if let Some(element) = node.cast::<HtmlDialogElement>() {
                if dialog.is_some() && !element.open() {
                    // Fails only if the element left the document.
                    let _ = element.show_modal();
                }
            }
        });
    }
    let onclose = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let close = {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(element) = node.cast::<HtmlDialogElement>() {
                element.close();
            }
        })
    };
    let (title, body) = match props.dialog {
        Some(Dialog::Cite(turn)) => (
            match turn {
                Some(n) => text::dialogs::cite_turn(n),
                None => text::dialogs::CITE_RECORD.to_string(),
            },
            html! { <CiteList {turn} /> },
        ),
        Some(Dialog::Embed) => (
            text::dialogs::EMBED_VIEW.to_string(),
            html! { <EmbedList /> },
        ),
        None => (String::new(), Html::default()),
    };
    html! {
        <dialog ref={node} class="dialog" aria-labelledby="dialog-title" {onclose}>
            if props.dialog.is_some() {
                <div class="dialog__head">
                    <h2 id="dialog-title">{ title }</h2>
                    <button type="button" class="button" onclick={close}>{ text::dialogs::CLOSE }</button>
                </div>
                { body }
            }
        </dialog>
    }
}

#[derive(Properties, PartialEq)]
struct CopyProps {
    label: AttrValue,
    text: AttrValue,
}

/// A labelled text and the button that copies it.
#[function_component(Copyable)]
fn copyable(props: &CopyProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let copied = copied.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| copied.set(copy_text(&text)))
    };
    html! {
        <figure class="copyable">
            <figcaption>{ props.label.clone() }</figcaption>
            <pre class="copyable__text">{ props.text.clone() }</pre>
            <button type="button" class="button" {onclick}
                    aria-label={text::dialogs::copy_label(&props.label)}>
                { if *copied { text::dialogs::COPIED } else { text::dialogs::COPY } }
            </button>
        </figure>
    }
}

/// Today, by the reader's clock.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: u16::try_from(now.get_full_year()).unwrap_or(0),
        month: u8::try_from(now.get_month() + 1).unwrap_or(0),
        day: u8::try_from(now.get_date()).unwrap_or(0),
    }
}

#[derive(Properties, PartialEq)]
struct CiteProps {
    turn: Option<u32>,
}

#[function_component(CiteList)]
fn cite_list(props: &CiteProps) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let Some(doc) = use_context::<Doc>() else {
        return Html::default();
    };
    let address = host.viewer_address();
    let link = match props.turn {
        Some(n) => format!("{address}#t{n}"),
        None => address,
    };
    let cited = Cited {
        document: &doc.record,
        turn: props.turn,
        link: &link,
        accessed: today(),
    };
    html! {
        <>
            <p class="dialog__note">{ text::dialogs::CITE_NOTE }</p>
            { for Style::ALL.iter().map(|&style| html! {
                <Copyable label={style.label()} text={cited.format(style)} />
            }) }
            <Copyable label={text::dialogs::LINK} text={link.clone()} />
        </>
    }
}

#[function_component(EmbedList)]
fn embed_list() -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let target = use_context::<Target>().unwrap_or_default();
    let (Some(doc), Some(store)) = (use_context::<Doc>(), use_context::<Store>()) else {
        return Html::default();
    };
    let mut model = (*store).clone();
    model.embed.compact = true;
    model.embed.parent = None;
    let view = model.to_query(&doc.record);
    let address = host.viewer_address();
    let title = parley_core::model::plain_text(&doc.record.title.inlines).replace('"', "&quot;");
    let fragment = target
        .place
        .map(|place| format!("#t{}", place.turn))
        .unwrap_or_default();
    let fixed = format!(
        "<iframe src=\"{address}?{view}{fragment}\" title=\"{title}\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>"
    );
    let auto = format!(
        "<iframe id=\"parley\" title=\"{title}\" width=\"100%\" height=\"640\"></iframe>\n<script>\n\
         parley.src = \"{address}?{view}&parent=\" + encodeURIComponent(location.origin);\n\
         addEventListener(\"message\", (e) => e.source === parley.contentWindow && e.data?.type === \"parley:height\" && (parley.height = e.data.height));\n\
         </script>"
    );
    // The element takes the same options as attributes.
    let folder = &address[..address.rfind('/').map_or(address.len(), |i| i + 1)];
    let mut attributes: Vec<String> = view
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("embed="))
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            let value = parley_core::url_state::percent_decode(value)?;
            Some(format!("{name}=\"{}\"", parley_core::html::escape(&value)))
        })
        .collect();
    if let Some(place) = target.place {
        attributes.push(format!("turn=\"{}\"", place.turn));
    }
    attributes.push("height=\"640\"".to_string());
    let element = format!(
        "<script type=\"module\" src=\"{folder}parley.js\"></script>\n<parley-viewer {}></parley-viewer>",
        attributes.join(" ")
    );
    html! {
        <>
            <p class="dialog__note">{ text::dialogs::EMBED_NOTE }</p>
            <Copyable label={text::dialogs::FIXED_FRAME} text={fixed} />
            <Copyable label={text::dialogs::FITTING_FRAME} text={auto} />
            <Copyable label={text::dialogs::ELEMENT} text={element} />
        </>
    }
}

/// For print only: where the printed view comes from, and how to cite it.
#[function_component(PrintFooter)]
pub fn print_footer() -> Html {
    // Drawn once in the browser: the date and address are the reader's, not
    // the build's (and the prerendered page must match the first render).
    let mounted = use_state_eq(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    let host = use_context::<Host>().unwrap_or_default();
    let (Some(doc), Some(store), true) = (use_context::<Doc>(), use_context::<Store>(), *mounted)
    else {
        return Html::default();
    };
    let address = host.viewer_address();
    let query = store.to_query(&doc.record);
    let view = if query.is_empty() {
        address.clone()
    } else {
        format!("{address}?{query}")
    };
    let cited = Cited {
        document: &doc.record,
        turn: None,
        link: &address,
        accessed: today(),
    };
    html! {
        <footer class="print-only page">
            <p>{ text::dialogs::printed_from(view) }</p>
            <p>{ text::dialogs::cite_as(cited.format(Style::Chicago)) }</p>
        </footer>
    }
}
