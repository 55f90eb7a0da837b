//! Prints the viewer's first view (the reader, no query, no fragment) as
//! HTML, for scripts/postbuild.mjs to write into index.html: the transcript
//! is on screen before the WebAssembly arrives, and the browser then takes
//! the markup over (hydration) instead of drawing it again.
//!
//! `cargo run -q -p parley-web --example prerender --features prerender`

fn main() {
    let props = parley_web::AppProps {
        options: Some((String::new(), String::new())),
        ..parley_web::AppProps::default()
    };
    let renderer = yew::LocalServerRenderer::<parley_web::App>::with_props(props);
    print!("{}", futures::executor::block_on(renderer.render()));
}
