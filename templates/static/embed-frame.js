/* Inside the embed iframe: tell the parent page how tall the content is, now and whenever it
   changes, so the frame never shows a scroll bar. The height is not secret, hence "*". */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "timeline:height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener("load", post);
  post();
})();
