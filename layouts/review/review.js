// The review page's filter: by district, by warning kind, and a text search, as the
// editor types; the count of what is shown is announced (aria-live).
(function () {
  "use strict";
  var district = document.getElementById("district");
  var kind = document.getElementById("kind");
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  if (!district || !kind || !search) {
    return;
  }
  var articles = Array.prototype.slice.call(document.querySelectorAll("li.article"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("li.section"));
  var districts = Array.prototype.slice.call(document.querySelectorAll("section.district"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));

  function apply() {
    var wantDistrict = district.value;
    var wantKind = kind.value;
    var words = search.value.trim().toLowerCase();
    var shown = 0;
    articles.forEach(function (item) {
      var ok = (!wantDistrict || item.dataset.district === wantDistrict) &&
        (!wantKind || (" " + item.dataset.kinds + " ").indexOf(" " + wantKind + " ") >= 0) &&
        (!words || item.dataset.text.toLowerCase().indexOf(words) >= 0);
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (item) {
      item.hidden = !!wantKind || !!words || (!!wantDistrict && item.dataset.district !== wantDistrict);
    });
    districts.forEach(function (section) {
      section.hidden = !section.querySelector("li.article:not([hidden])");
    });
    findings.forEach(function (item) {
      item.hidden = (!!wantKind && item.dataset.kind !== wantKind) ||
        (!!words && item.textContent.toLowerCase().indexOf(words) < 0);
    });
    count.textContent = "显示 " + shown + " 篇";
  }

  district.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  search.addEventListener("input", apply);
}());
