//! Where a viewer lives: the page itself (index.html, alone or in an iframe),
//! or the shadow root of a `<parley-viewer>` element on another site's page
//! (static/parley.js). Lookups by id, focus, the viewport the reader is seen
//! through and the links it hands out all depend on which.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlElement, ShadowRoot};

/// A `<parley-viewer>` element and what the viewer needs of it.
pub struct ElementHost {
    /// The custom element: it scrolls when given a height, and carries `data-theme`.
    pub element: HtmlElement,
    pub shadow: ShadowRoot,
    /// The address of the standalone viewer (where parley.js was loaded from).
    pub viewer: String,
    /// The view's options as a query string, kept current for links.
    pub query: RefCell<String>,
}

#[derive(Clone, Default)]
pub enum Host {
    #[default]
    Page,
    Element(Rc<ElementHost>),
}

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Host::Page, Host::Page) => true,
            (Host::Element(a), Host::Element(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Host {
    /// The element with this id in the viewer's document or shadow tree.
    pub fn by_id(&self, id: &str) -> Option<Element> {
        match self {
            Host::Page => gloo::utils::document().get_element_by_id(id),
            Host::Element(host) => host.shadow.get_element_by_id(id),
        }
    }

    /// The focused element within the viewer.
    pub fn active_element(&self) -> Option<Element> {
        match self {
            Host::Page => gloo::utils::document().active_element(),
            Host::Element(host) => host.shadow.active_element(),
        }
    }

    /// The viewer's element at a point of the window.
    pub fn element_from_point(&self, x: f64, y: f64) -> Option<Element> {
        match self {
            Host::Page => gloo::utils::document().element_from_point(x as f32, y as f32),
            Host::Element(host) => host.shadow.element_from_point(x as f32, y as f32),
        }
    }

    /// The element that scrolls the viewer when it is not the window: a
    /// `<parley-viewer>` given a height.
    pub fn scroller(&self) -> Option<Element> {
        match self {
            Host::Element(host)
                if host.element.scroll_height() > host.element.client_height() + 1 =>
            {
                Some(host.element.clone().into())
            }
            _ => None,
        }
    }

    /// The box through which the viewer is seen, as the top and bottom of a
    /// band in client coordinates: the window, or the scrolling element's
    /// own box (wherever the page has scrolled it, so that its rows are
    /// ready when it comes into view).
    pub fn viewport(&self) -> (f64, f64) {
        match self.scroller() {
            Some(scroller) => {
                let rect = scroller.get_bounding_client_rect();
                (rect.top(), rect.bottom())
            }
            None => {
                let height = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(800.0);
                (0.0, height)
            }
        }
    }

    /// The element that carries `data-theme`, `data-embed` and `--accent`.
    pub fn theme_root(&self) -> Option<Element> {
        match self {
            Host::Page => gloo::utils::document().document_element(),
            Host::Element(host) => Some(host.element.clone().into()),
        }
    }

    /// A link to this view with `fragment` (without `#`): the page's own
    /// address, or for an element the standalone viewer's with its options.
    pub fn link_with_fragment(&self, fragment: &str) -> String {
        let base = match self {
            Host::Page => {
                let href = gloo::utils::window().location().href().unwrap_or_default();
                href.split('#').next().unwrap_or_default().to_string()
            }
            Host::Element(host) => {
                let query = host.query.borrow();
                if query.is_empty() {
                    host.viewer.clone()
                } else {
                    format!("{}?{query}", host.viewer)
                }
            }
        };
        if fragment.is_empty() {
            base
        } else {
            format!("{base}#{fragment}")
        }
    }

    /// The standalone viewer's address, without query or fragment: the
    /// stable link of the record.
    pub fn viewer_address(&self) -> String {
        match self {
            Host::Page => {
                let location = gloo::utils::window().location();
                format!(
                    "{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default()
                )
            }
            Host::Element(host) => host.viewer.clone(),
        }
    }
}
