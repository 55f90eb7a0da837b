//! The timeline view: the conversation strip, the series of meetings on a dated axis.

use parley_core::timeline::series;
use yew::prelude::*;

use crate::reader::Doc;
use crate::strip::ConversationStrip;

#[function_component(TimelineView)]
pub fn timeline_view() -> Html {
    let Some(doc) = use_context::<Doc>() else {
        return Html::default();
    };
    let meetings = series(&doc.record);
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ "Timeline" }</h2>
            <section aria-labelledby="strip-title">
                <h3 id="strip-title">{ "The conversation, turn by turn" }</h3>
                <p class="stats__note">{ "Each band is a turn, as wide as its words, in the order of the record." }</p>
                <ConversationStrip legend=true />
            </section>
            <section aria-labelledby="series-title">
                <h3 id="series-title">{ "The series of meetings" }</h3>
                <ol class="series">
                    { for meetings.iter().map(|m| html! {
                        <li class={classes!("series__meeting", m.current.then_some("series__meeting--current"))}>
                            <time datetime={m.date.iso()}>{ m.date.iso() }</time>
                            <span class="series__title">{ m.title.clone() }</span>
                            if m.current { <span class="series__this">{ " (this record)" }</span> }
                            if !m.summary.is_empty() { <p>{ m.summary.clone() }</p> }
                        </li>
                    }) }
                </ol>
            </section>
        </section>
    }
}
