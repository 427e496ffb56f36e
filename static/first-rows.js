// Draws the first screen of this page's grids from the snapshot the app kept on the last visit
// (src/lib/fast-start/first-rows.ts, format version 2), before the app's JavaScript has loaded. Every
// record the rows were drawn from is read from IndexedDB and compared with the snapshot: if any
// one changed, went or appeared, nothing is drawn. While nothing was written through Tieout since
// the snapshot (its write generation, src/lib/db/generation.ts) the rows are drawn first and
// checked after, since opening IndexedDB after a browser restart takes 300-450 ms; a drawing that
// fails the check is withdrawn. Cells are text nodes, never HTML. The
// app removes the drawing once its own grid is up. A plain script, so it runs while the app's
// modules are still loading; it must never get in the app's way, so every failure is silent.
// Part of the fast-start room (src/lib/fast-start/index.ts states the rule it keeps);
// src/lib/fast-start/fast-start.property.test.ts runs this file as it is.
(function () {
	'use strict';
	var PREFIX = 'tieout:first-rows:' + location.pathname + '#';
	var FIRST_PAINT_ROWS = 5;

	/**
	 * This page's drawing key (src/lib/build/drawing-key.ts), from the meta tag above this script: a
	 * snapshot is drawn only under the key it was drawn with, so a new build keeps the early drawing
	 * unless it changed how the grids are drawn.
	 */
	var meta = document.querySelector('meta[name="tieout-drawing"]');
	var DRAWING = (meta && meta.getAttribute('content')) || '';

	function snapshots() {
		var out = [];
		for (var i = 0; i < localStorage.length; i++) {
			var key = localStorage.key(i);
			if (!key || key.indexOf(PREFIX) !== 0) continue;
			var s = JSON.parse(localStorage.getItem(key) || 'null');
			if (s && s.v === 2 && s.drawing === DRAWING && s.rows.length) out.push(s);
		}
		return out;
	}

	/** This script runs before the rest of the head is parsed: waits for the body. */
	function whenParsed(fn) {
		if (document.body || document.readyState !== 'loading') fn();
		else setTimeout(whenParsed, 4, fn);
	}

	function el(tag, parent, text) {
		var e = document.createElement(tag);
		if (text !== undefined) e.textContent = text;
		if (parent) parent.appendChild(e);
		return e;
	}

	function draw(s) {
		// The app got there first: its own preview or grid is showing.
		var grid = '[data-grid="' + s.slug + '"]';
		if (document.querySelector(grid + ' [data-preview], ' + grid + '[data-ready="true"]')) return false;
		var box = el('div', null);
		box.className = 'grid-preview first-rows';
		box.setAttribute('data-first-rows', s.slug);
		box.setAttribute('aria-hidden', 'true');
		box.style.left = s.left + 'px';
		box.style.top = s.top + 'px';
		box.style.width = Math.max(0, window.innerWidth - s.left - s.rightGap) + 'px';
		var table = el('table', box);
		var width = s.marker ? 58 : 0;
		var cols = el('colgroup', table);
		var head = el('tr', el('thead', table));
		if (s.marker) {
			el('col', cols).style.width = '58px';
			el('th', head);
		}
		s.columns.forEach(function (c) {
			width += c.width;
			el('col', cols).style.width = c.width + 'px';
			var th = el('th', head, c.header);
			if (c.right) th.className = 'right';
		});
		table.style.width = width + 'px';
		var body = el('tbody', table);
		function addRow(r, n) {
			var tr = el('tr', body);
			if (s.marker) el('td', tr);
			r.cells.forEach(function (text, i) {
				var td = el('td', tr, text);
				if (s.columns[i] && s.columns[i].right) td.className = 'right';
				// Element Timing reports when the first row was painted (the benchmark reads it).
				if (n === 0) td.setAttribute('elementtiming', 'first-rows:' + s.slug);
			});
		}
		// A few rows first, in a box only as tall as they are: while the app's scripts compile, the
		// first frame's raster competes for the CPU, and a small frame reaches the screen sooner
		// (measured: median paint 604 -> 488 ms on two cores). The rest follow in the next frame.
		s.rows.slice(0, FIRST_PAINT_ROWS).forEach(addRow);
		document.body.appendChild(box);
		requestAnimationFrame(function () {
			setTimeout(function () {
				if (!box.isConnected) return;
				s.rows.slice(FIRST_PAINT_ROWS).forEach(function (r, n) {
					addRow(r, n + FIRST_PAINT_ROWS);
				});
				box.style.height = Math.max(0, window.innerHeight - s.top - s.bottomGap) + 'px';
			}, 0);
		});
		// Should the app never take over (it failed to start), the drawing must not stay in the way.
		setTimeout(function () {
			box.remove();
		}, 20000);
		return true;
	}

	/** Reads every source record of every snapshot in one transaction and keeps the snapshots that still match. */
	function verify(db, list, done) {
		var tables = {};
		list.forEach(function (s) {
			s.sources.forEach(function (src) {
				tables[src[0]] = true;
			});
		});
		var names = Object.keys(tables);
		for (var n = 0; n < names.length; n++) if (!db.objectStoreNames.contains(names[n])) return done([]);
		var fresh = list.map(function () {
			return true;
		});
		var tx = db.transaction(names, 'readonly');
		list.forEach(function (s, i) {
			s.sources.forEach(function (src) {
				tx.objectStore(src[0]).get(src[1]).onsuccess = function (e) {
					var now = e.target.result;
					if ((now === undefined ? '' : JSON.stringify(now)) !== src[2]) fresh[i] = false;
				};
			});
		});
		tx.oncomplete = function () {
			done(
				list.filter(function (_, i) {
					return fresh[i];
				})
			);
		};
		tx.onabort = function () {
			done([]);
		};
	}

	// The app waits a little for this (src/lib/fast-start/first-rows.ts, firstRowsDrawn) so that the
	// drawing is painted before the app's own start-up takes the page's thread.
	var finished;
	window.tieoutFirstRows = new Promise(function (resolve) {
		finished = resolve;
	});
	/** Opens the workbook and keeps the snapshots of `list` whose records are stored as they were drawn from. */
	function check(list, done) {
		var req;
		try {
			req = indexedDB.open(list[0].db);
		} catch {
			return done([]);
		}
		// Never create the database: with no workbook there is nothing to draw.
		req.onupgradeneeded = function () {
			req.transaction.abort();
		};
		req.onerror = function () {
			done([]);
		};
		req.onsuccess = function () {
			var db = req.result;
			// The app may be upgrading the workbook: step aside at once.
			db.onversionchange = function () {
				db.close();
			};
			try {
				verify(db, list, function (ok) {
					db.close();
					done(ok);
				});
			} catch {
				db.close();
				done([]);
			}
		};
	}

	function drawAll(list) {
		try {
			var drawn = list.filter(draw);
			if (drawn.length) performance.mark('tieout:first-rows-drawn');
			finished(drawn.length);
		} catch {
			finished(0);
		}
	}

	try {
		var list = DRAWING ? snapshots() : [];
		if (!list.length) return finished(0);
		list = list.filter(function (s) {
			return s.db === list[0].db;
		});
		var generation = localStorage.getItem('tieout:generation:' + list[0].db);
		var unchanged = list.every(function (s) {
			return !!s.gen && s.gen === generation;
		});
		if (unchanged) {
			// Nothing was written through Tieout since these rows were kept (src/lib/db/generation.ts):
			// draw now, check the records all the same (from now on, beside the drawing), and withdraw
			// a drawing that fails once both are done.
			var stale = null;
			var drawnYet = false;
			var withdraw = function () {
				if (!stale || !drawnYet) return;
				stale.forEach(function (s) {
					var box = document.querySelector('[data-first-rows="' + s.slug + '"]');
					if (box) box.remove();
				});
			};
			check(list, function (ok) {
				stale = list.filter(function (s) {
					return ok.indexOf(s) < 0;
				});
				if (stale.length) performance.mark('tieout:first-rows-withdrawn');
				withdraw();
			});
			whenParsed(function () {
				drawAll(list);
				drawnYet = true;
				withdraw();
			});
			return;
		}
		check(list, function (ok) {
			whenParsed(function () {
				drawAll(ok);
			});
		});
	} catch {
		/* no localStorage, no IndexedDB or a damaged snapshot: the app draws as usual */
		finished(0);
	}
})();
