/* Accent-insensitive search for Material for MkDocs, prepended to Material's own search worker.

   Material's worker lower-cases but never folds diacritics, and gives every query term a
   trailing wildcard, so a lunr pipeline function cannot fold queries. This prelude wraps the
   worker's two channels instead:

   - in: the documents of the search index are folded before the worker indexes them, and so
     is every query (Lê Duẩn, Le Duan and LE DUAN all become "le duan" to lunr);
   - out: the results, highlighted by the worker on the folded text, are given back their
     original letters, so the reader sees "Lê Duẩn" with its <mark>s in place.

   Folding maps each UTF-16 unit to exactly one unit (ẩ → a, Đ → D), so every position the
   worker computes on the folded text is valid on the original text too. */
(function () {
  "use strict";

  var SPECIAL = { "\u0111": "d", "\u0110": "D" }; /* đ and Đ have no Unicode decomposition */
  var COMBINING = /^[\u0300-\u036f]+$/;

  function foldChar(ch) {
    if (SPECIAL[ch]) { return SPECIAL[ch]; }
    var code = ch.charCodeAt(0);
    if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff)) { return ch; }
    var parts = ch.normalize("NFD");
    if (parts.length > 1 && parts.charCodeAt(0) < 0x250 && COMBINING.test(parts.slice(1))) {
      return parts.charAt(0);
    }
    return ch;
  }

  function fold(text) {
    if (typeof text !== "string") { return text; }
    var out = "";
    for (var i = 0; i < text.length; i++) { out += foldChar(text.charAt(i)); }
    return out;
  }

  var originals = Object.create(null);

  function restore(highlighted, original) {
    if (typeof highlighted !== "string" || typeof original !== "string") { return highlighted; }
    var tag = /<\/?mark[^>]*>/g;
    var plain = highlighted.replace(tag, "");
    var start = fold(original).indexOf(plain);
    if (start < 0) { return highlighted; }
    var out = "";
    var j = start;
    var last = 0;
    var match;
    tag.lastIndex = 0;
    while ((match = tag.exec(highlighted)) !== null) {
      var span = highlighted.slice(last, match.index).length;
      out += original.slice(j, j + span) + match[0];
      j += span;
      last = match.index + match[0].length;
    }
    return out + original.slice(j, j + highlighted.length - last);
  }

  function inbound(message) {
    if (!message || typeof message !== "object") { return message; }
    if (message.type === 0 && message.data && message.data.docs) {
      var docs = message.data.docs.map(function (doc) {
        originals[doc.location] = { title: doc.title, text: doc.text };
        var copy = {};
        for (var key in doc) { copy[key] = doc[key]; }
        copy.title = fold(doc.title);
        copy.text = fold(doc.text);
        return copy;
      });
      var data = {};
      for (var name in message.data) { data[name] = message.data[name]; }
      data.docs = docs;
      return { type: 0, data: data };
    }
    if (message.type === 2 && typeof message.data === "string") {
      return { type: 2, data: fold(message.data) };
    }
    return message;
  }

  function restoreDoc(doc) {
    var original = originals[doc.location];
    if (!original) { return doc; }
    var copy = {};
    for (var key in doc) { copy[key] = doc[key]; }
    copy.title = restore(doc.title, original.title);
    copy.text = restore(doc.text, original.text);
    return copy;
  }

  function outbound(message) {
    if (message && message.type === 3 && message.data && message.data.items) {
      var items = message.data.items.map(function (item) {
        return Array.isArray(item) ? item.map(restoreDoc) : restoreDoc(item);
      });
      var data = {};
      for (var key in message.data) { data[key] = message.data[key]; }
      data.items = items;
      return { type: 3, data: data };
    }
    return message;
  }

  var addListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") { return addListener(type, listener, options); }
    return addListener(type, function (event) {
      listener({ data: inbound(event.data), target: event.target });
    }, options);
  };
  var post = self.postMessage.bind(self);
  self.postMessage = function (message, transfer) {
    return transfer === undefined ? post(outbound(message)) : post(outbound(message), transfer);
  };
  self.__editionFold = fold;
})();
