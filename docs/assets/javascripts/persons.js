// Filter the person index (/persons/) by category. The page reads in full without it:
// the filter bar stays hidden and every entry shows until this script reveals the buttons.
(function () {
  function setup() {
    var bar = document.querySelector("[data-person-filter]");
    if (!bar || bar.dataset.ready) return;
    bar.dataset.ready = "1";
    var entries = document.querySelectorAll(".person-index__entry");
    var choices = [["all", "All"], ["actor", "Historical actors"], ["scholar", "Scholars and authors"]];
    var buttons = [];
    choices.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "person-filter__button";
      button.textContent = choice[1];
      button.dataset.category = choice[0];
      button.setAttribute("aria-pressed", choice[0] === "all" ? "true" : "false");
      button.addEventListener("click", function () {
        entries.forEach(function (entry) {
          entry.hidden = choice[0] !== "all" && entry.dataset.category !== choice[0];
        });
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      });
      buttons.push(button);
      bar.appendChild(button);
    });
    bar.hidden = false;
  }
  // Material's instant loading swaps pages without a full reload: subscribe when available.
  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
