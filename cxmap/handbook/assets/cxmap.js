/* cxmap's handbook: a full-screen view of each diagram, and frames dragged with the mouse.
 *
 * Without this script every diagram still shows, scrolls inside its frame and links
 * to its sections; the script adds the "full screen" button before each frame. The
 * full-screen view is a modal <dialog>: the diagram's own <svg> moves into it while it
 * is open and back when it closes (Escape, or the close button), so nothing is copied
 * and no id is doubled.
 */
(function () {
  "use strict";

  var moved = null; // {svg, frame, next, opener} while the dialog shows a diagram

  function titleOf(svg) {
    var title = svg.querySelector("title");
    return title ? title.textContent : "Diagram";
  }

  function button(text, className) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = className;
    made.textContent = text;
    return made;
  }

  function theDialog() {
    var dialog = document.querySelector("dialog.cxmap-dialog");
    if (dialog) {
      return dialog;
    }
    dialog = document.createElement("dialog");
    dialog.className = "cxmap-dialog";
    dialog.setAttribute("aria-labelledby", "cxmap-dialog-title");
    var bar = document.createElement("div");
    bar.className = "cxmap-dialog__bar";
    var heading = document.createElement("h2");
    heading.className = "cxmap-dialog__title";
    heading.id = "cxmap-dialog-title";
    var fit = button("Actual size", "cxmap-dialog__fit");
    var close = button("Close", "cxmap-dialog__close");
    bar.append(heading, fit, close);
    var body = document.createElement("div");
    body.className = "cxmap-dialog__body";
    body.tabIndex = 0;
    body.setAttribute("role", "region");
    body.setAttribute("aria-label", "The diagram: scroll or drag to move around");
    dialog.append(bar, body);
    fit.addEventListener("click", function () {
      var fitting = dialog.toggleAttribute("data-fit");
      fit.textContent = fitting ? "Actual size" : "Fit to screen";
    });
    close.addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", putBack);
    draggable(body);
    document.body.appendChild(dialog);
    return dialog;
  }

  function open(frame, opener) {
    var svg = frame.querySelector("svg.cxmap-svg");
    if (!svg) {
      return;
    }
    var dialog = theDialog();
    moved = { svg: svg, frame: frame, next: svg.nextSibling, opener: opener };
    dialog.querySelector(".cxmap-dialog__title").textContent = titleOf(svg);
    dialog.querySelector(".cxmap-dialog__body").appendChild(svg);
    dialog.setAttribute("data-fit", "");
    dialog.querySelector(".cxmap-dialog__fit").textContent = "Actual size";
    dialog.showModal();
    dialog.querySelector(".cxmap-dialog__close").focus();
  }

  function putBack() {
    if (!moved) {
      return;
    }
    moved.frame.insertBefore(moved.svg, moved.next);
    if (document.body.contains(moved.opener)) {
      moved.opener.focus();
    }
    moved = null;
  }

  // Dragging with the mouse scrolls the frame; touch screens scroll it natively.
  // A drag is no click: the link under the pointer is not followed.
  function draggable(frame) {
    var start = null;
    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || event.button !== 0) {
        return;
      }
      start = {
        x: event.clientX,
        y: event.clientY,
        left: frame.scrollLeft,
        top: frame.scrollTop,
        dragging: false,
        pointer: event.pointerId
      };
    });
    frame.addEventListener("pointermove", function (event) {
      if (!start) {
        return;
      }
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      if (!start.dragging && Math.abs(dx) + Math.abs(dy) < 5) {
        return;
      }
      if (!start.dragging) {
        start.dragging = true;
        frame.classList.add("cxmap-dragging");
        frame.setPointerCapture(start.pointer);
      }
      frame.scrollLeft = start.left - dx;
      frame.scrollTop = start.top - dy;
    });
    function stop() {
      if (start && start.dragging) {
        frame.classList.remove("cxmap-dragging");
        frame.addEventListener("click", swallow, { capture: true, once: true });
        setTimeout(function () {
          frame.removeEventListener("click", swallow, { capture: true });
        }, 0);
      }
      start = null;
    }
    frame.addEventListener("pointerup", stop);
    frame.addEventListener("pointercancel", stop);
  }

  function swallow(event) {
    event.preventDefault();
    event.stopPropagation();
  }

  function enhance() {
    var frames = document.querySelectorAll(".cxmap-diagram");
    Array.prototype.forEach.call(frames, function (frame) {
      var svg = frame.querySelector("svg.cxmap-svg");
      if (!svg || frame.hasAttribute("data-cxmap-ready")) {
        return;
      }
      frame.setAttribute("data-cxmap-ready", "");
      var tools = document.createElement("div");
      tools.className = "cxmap-tools";
      var opener = button("Full screen", "cxmap-fullscreen");
      var hidden = document.createElement("span");
      hidden.className = "cxmap-hidden";
      hidden.textContent = ": " + titleOf(svg);
      opener.appendChild(hidden);
      opener.setAttribute("aria-haspopup", "dialog");
      opener.addEventListener("click", function () {
        open(frame, opener);
      });
      tools.appendChild(opener);
      frame.parentNode.insertBefore(tools, frame);
      draggable(frame);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhance); // Material for MkDocs, also with instant loading
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
