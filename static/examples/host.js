// What an embedding page adds to show Parley in a frame that fits its content:
// tell the viewer this page's origin (`parent`), and set the frame's height
// from the viewer's messages. Every frame with a data-parley attribute is
// set up; its data-parley value is the viewer's query string (the view).
for (const frame of document.querySelectorAll("iframe[data-parley]")) {
  const viewer = new URL(frame.dataset.parleySrc ?? "../", location.href);
  viewer.search = `${frame.dataset.parley}&parent=${encodeURIComponent(location.origin)}`;
  frame.src = viewer.href;
}
addEventListener("message", (event) => {
  const frame = [...document.querySelectorAll("iframe[data-parley]")].find((f) => f.contentWindow === event.source);
  if (frame && event.data?.type === "parley:height") frame.style.height = `${event.data.height}px`;
});
