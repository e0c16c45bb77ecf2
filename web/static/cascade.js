// The cascade page: the tree folds by itself (<details>); this adds "expand all / collapse all", and
// makes a repeated document's pointer open the branches down to where it is drawn and mark it.

(() => {
  const tree = document.getElementById("cascade-tree");
  if (!tree) return;
  const branches = () => Array.from(tree.querySelectorAll("details"));

  const toggles = document.querySelector(".cascade-toggles");
  if (toggles && branches().length > 0) {
    for (const [label, open] of [
      [toggles.dataset.expand, true],
      [toggles.dataset.collapse, false],
    ]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button quiet small";
      button.textContent = label;
      button.dataset.open = String(open);
      button.addEventListener("click", () => {
        for (const d of branches()) d.open = open;
      });
      toggles.appendChild(button);
    }
  }

  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  tree.addEventListener("click", (event) => {
    const jump = event.target.closest ? event.target.closest("a.cnode-jump") : null;
    if (!jump) return;
    const target = document.getElementById(jump.dataset.target || "");
    if (!target) return;
    event.preventDefault();
    for (let d = target.parentElement; d && d !== tree; d = d.parentElement)
      if (d.tagName === "DETAILS") d.open = true;
    for (const old of tree.querySelectorAll(".is-target")) old.classList.remove("is-target");
    target.classList.add("is-target");
    target.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
    history.replaceState(null, "", `#${target.id}`);
    const link = target.querySelector("a.cnode-symbol");
    if (link) link.focus({ preventScroll: true });
  });
})();
