/* cxmap's handbook: a full-screen view of each diagram, frames dragged with the mouse,
 * and index tables that sort and filter.
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

  // A table after a `.cxmap-sortable` marker: a filter box above it, and column
  // headings that sort it (numbers as numbers, a dash last). Without the script it
  // is a plain table.
  function number(text) {
    var match = /^[+-]?\d+(\.\d+)?/.exec(text.trim());
    return match ? parseFloat(match[0]) : null;
  }

  function compare(a, b) {
    var x = number(a), y = number(b);
    if (x !== null && y !== null) {
      return x - y;
    }
    if ((x === null) !== (y === null)) {
      return x === null ? 1 : -1;
    }
    return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
  }

  function sortable(marker) {
    var holder = marker.closest("p") || marker;
    var next = holder.nextElementSibling;
    var table = next && (next.matches("table") ? next : next.querySelector("table"));
    if (!table || !table.tHead || !table.tBodies.length) {
      return;
    }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var bar = document.createElement("div");
    bar.className = "cxmap-filter";
    var label = document.createElement("label");
    label.textContent = "Filter ";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Type to filter the rows";
    label.appendChild(input);
    var count = document.createElement("span");
    count.setAttribute("aria-live", "polite");
    bar.append(label);
    // data-filters="Team,Journey": a choice of the values of each named column.
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim();
    });
    var choices = (marker.getAttribute("data-filters") || "").split(",").filter(Boolean).map(
      function (name) {
        var column = headings.indexOf(name.trim());
        if (column < 0) {
          return null;
        }
        var values = rows.map(function (row) { return row.cells[column].textContent.trim(); });
        var unique = values.filter(function (value, index) {
          return value && values.indexOf(value) === index;
        }).sort(function (a, b) { return a.localeCompare(b); });
        var choice = document.createElement("label");
        choice.textContent = name.trim() + " ";
        var select = document.createElement("select");
        select.appendChild(new Option("All", ""));
        unique.forEach(function (value) { select.appendChild(new Option(value, value)); });
        choice.appendChild(select);
        bar.append(choice);
        select.addEventListener("change", filter);
        return { column: column, select: select };
      }
    ).filter(Boolean);
    bar.append(count);
    holder.replaceWith(bar);
    // What else shows a row, such as a dot on a chart, by the id of an element in it.
    var shownWith = {};
    document.querySelectorAll("[data-cxmap-for]").forEach(function (other) {
      var key = other.getAttribute("data-cxmap-for");
      (shownWith[key] = shownWith[key] || []).push(other);
    });
    function filter() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) >= 0; }) &&
          choices.every(function (choice) {
            return !choice.select.value ||
              row.cells[choice.column].textContent.trim() === choice.select.value;
          });
        row.hidden = !match;
        shown += match ? 1 : 0;
        var target = row.querySelector("[id]");
        (target && shownWith[target.id] || []).forEach(function (other) {
          other.style.display = match ? "" : "none";
        });
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }
    input.addEventListener("input", filter);
    filter();
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var sort = document.createElement("button");
      sort.type = "button";
      sort.className = "cxmap-sort";
      while (cell.firstChild) {
        sort.appendChild(cell.firstChild);
      }
      cell.appendChild(sort);
      sort.addEventListener("click", function () {
        var ascending = cell.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.removeAttribute("aria-sort");
        });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (a, b) {
          var order = compare(a.cells[column].textContent, b.cells[column].textContent);
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function start() {
    enhance();
    document.querySelectorAll(".cxmap-sortable").forEach(function (marker) {
      if (!marker.hasAttribute("data-cxmap-ready")) {
        marker.setAttribute("data-cxmap-ready", "");
        sortable(marker);
      }
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start); // Material for MkDocs, also with instant loading
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
