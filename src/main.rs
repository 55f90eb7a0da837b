//! The viewer's entry point: mounts the Yew app in the page.

fn main() {
    parley_web::start();
}
