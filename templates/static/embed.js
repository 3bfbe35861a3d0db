/* On the page that embeds the timeline: size each timeline iframe to the height it reports.
   Only messages from the frames themselves are believed, and only a sane number is used. */
(function () {
  "use strict";
  if (window.__timelineEmbed) return; // the snippet may be pasted more than once
  window.__timelineEmbed = true;
  window.addEventListener("message", function (e) {
    var data = e.data;
    if (!data || data.type !== "timeline:height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-timeline-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        var h = Math.max(80, Math.min(Math.round(data.height), 100000));
        frames[i].style.height = h + "px";
      }
    }
  });
})();
