// "/" moves to the search box from anywhere on the page, as on most
// search sites; Escape leaves it.
document.addEventListener("keydown", function (e) {
  var t = e.target;
  var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    var box = document.getElementById("q") || document.getElementById("quick-q");
    if (box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  } else if (e.key === "Escape" && typing && t.type === "search") {
    t.blur();
  }
});
