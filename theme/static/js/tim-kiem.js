// Tìm kiếm: Pagefind's JS API with a Vietnamese interface. Loaded only on /tim-kiem/; every
// other page is read without JavaScript. Results show kind, date and posting status (worked
// out here from the posting's dates, `postingStatus`), and a
// query typed with diacritics puts pages containing exactly those words first.
// A site's index is in parts (plugins/search/parts.py): the page opens the recent part (what is
// posted, and what was issued in the last year) and merges the older years' parts into it when the
// citizen asks for every year (data-ckx-all-years), or when the recent part finds nothing.
// On a province portal the page searches the portal's own index (data-ckx-shard: what is posted
// and recent in every commune), or, once the citizen picks a commune (data-ckx-scope), that
// commune's own index of its whole archive: a few requests whatever the number of communes.

const form = document.querySelector("[data-ckx-search]");
const input = form.querySelector("input[name=q]");
const statusLine = document.querySelector("[data-ckx-status]");
const list = document.querySelector("[data-ckx-results]");
const filterBox = document.querySelector("[data-ckx-filters]");
const filterFields = filterBox.querySelector("[data-ckx-filter-fields]");
const filterSummary = filterBox.querySelector("[data-ckx-filters-summary]");
const base = new URL("../", document.baseURI.replace(/[?#].*$/, "")).pathname.replace(/\/$/, "");
const FILTER_NAMES = ["Loại", "Năm", "Thôn"];
const communes = document.querySelector("[data-ckx-indexes]");
const scope = form.querySelector("[data-ckx-scope]");
const allYears = document.querySelector("[data-ckx-all-years]");
const yearsLine = allYears && allYears.closest("[data-ckx-years]");
const PART = "Phần"; // a filter Pagefind adds to every page of a merged part, never shown: "gần đây" or "trước"
// On the portal, the commune a result belongs to, by the folder its address starts with.
const communeOf = (url) => {
  if (!communes) return "";
  const folder = url.slice(base.length + 1).split("/")[0];
  return communes.dataset.ckxNames.split("|")[communes.dataset.ckxIndexes.split(" ").indexOf(folder)] || "";
};
const PAGE = 20; // results shown at a time; "Xem thêm" shows the next ones
const SHADOW = "\u2042"; // starts the hidden đ→d copy (disclosure.html): indexed, never shown
const EXCERPT_WORDS = 28;

const hasMarks = (text) => text.normalize("NFD") !== text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") || /[đĐ]/.test(text);
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
const words = (text) => text.normalize("NFC").toLocaleLowerCase("vi").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function exactFirst(query, results) {
  // Pagefind folds tone marks when matching; when the citizen typed them, prefer pages that
  // contain every typed word exactly as written. Sorting is stable, so ties keep Pagefind's order.
  if (!hasMarks(query)) return results;
  const wanted = words(query);
  const score = (r) => {
    const have = new Set(words(`${r.meta.title || ""} ${r.content || ""}`));
    return wanted.every((w) => have.has(w)) ? 0 : 1;
  };
  return results.map((r) => [score(r), r]).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

function excerpt(content, query) {
  // Our own excerpt from the page's real text: Pagefind's would quote the hidden đ→d copy ("dường dến").
  const real = (content || "").split(SHADOW)[0].trim().split(/\s+/);
  const terms = words(query).map(fold);
  const hits = (word) => terms.some((t) => fold(word).replace(/[^\p{L}\p{N}]/gu, "").startsWith(t));
  const first = Math.max(0, real.findIndex(hits));
  const start = Math.max(0, first - 8);
  const shown = real.slice(start, start + EXCERPT_WORDS);
  const paragraph = element("p", { class: "ckx-search-results__excerpt" });
  if (start > 0) paragraph.append("… ");
  shown.forEach((word, index) => {
    if (index) paragraph.append(" ");
    paragraph.append(terms.length && hits(word) ? element("mark", {}, word) : word);
  });
  if (start + EXCERPT_WORDS < real.length) paragraph.append(" …");
  return paragraph;
}

// A posting's status on the site's date (data-ckx-ngay: the day every page's status is worked out for), from the
// result's posting dates ("niem_yet_tu", "niem_yet_den": its first and last day, ISO): the index holds nothing
// the date decides, so it is not made again the day a posting starts or ends (plugins/disclosures/dated.py). A
// status no date changes ("Chỉ đăng trên trang") is the result's own "trang_thai".
const siteDay = list.dataset.ckxNgay || "";
const postingLabels = JSON.parse(list.dataset.ckxTrangThai || "{}");
function postingStatus(meta) {
  const first = meta.niem_yet_tu, last = meta.niem_yet_den;
  if (meta.trang_thai || !first || !last || !siteDay) return meta.trang_thai || "";
  return postingLabels[siteDay < first ? "truoc" : siteDay > last ? "sau" : "trong"] || "";
}

function render(query, results, total, more, note = "", where = "") {
  list.replaceChildren();
  moreButton.hidden = !more;
  if (!query && !total) {
    statusLine.textContent = "";
    return;
  }
  statusLine.textContent = note + (total
    ? `Tìm thấy ${total} kết quả${query ? ` cho “${query}”` : ""}${where}${more ? `, đang hiện ${results.length} kết quả đầu` : ""}.`
    : `Không tìm thấy kết quả nào${query ? ` cho “${query}”` : ""}${where}. Hãy thử từ khác, hoặc xem theo danh mục bên dưới.`);
  for (const r of results) {
    const item = element("li", { class: "ckx-search-results__item" });
    const heading = element("h2", { class: "ckx-search-results__title" });
    heading.append(element("a", { href: r.url }, r.meta.title || r.url));
    const meta = element("p", { class: "ckx-search-results__meta" },
      [communeOf(r.url), r.meta.loai, r.meta.ngay && `ban hành ${r.meta.ngay}`, postingStatus(r.meta)]
        .filter(Boolean).join(" · "));
    item.append(heading, meta, excerpt(r.content, query));
    list.append(item);
  }
}

const moreButton = element("button", { type: "button", class: "ckx-search-more", hidden: "" }, "Xem thêm kết quả");
list.after(moreButton);

// Each index is loaded once, on first use: "" is the site's own; on a portal, the portal's index
// (its folder holds Pagefind's files) or a commune's folder (its site's pagefind/).
const loaded = new Map();
function open(folder) {
  if (!loaded.has(folder)) loaded.set(folder, (async () => {
    const portalIndex = communes && folder === communes.dataset.ckxShard;
    const root = folder ? `${base}/${folder}` : base;
    const files = portalIndex ? root : `${root}/pagefind`;
    // Pagefind stores each page's address from the root it indexed: the site (or a commune's) may
    // live in a folder of the host (/xa-hoa-an/), the portal's index holds addresses from the portal's root.
    const pagefind = await import(`${files}/pagefind.js`);
    await pagefind.options({ excerptLength: 24, basePath: `${files}/`, baseUrl: portalIndex ? `${base}/` : `${root}/` });
    await pagefind.init();
    return pagefind;
  })());
  return loaded.get(folder);
}
// A site's older parts, named by its recent part's nam.json ("nam-2025", ...): [] when it has none.
const olderParts = new Map();
function older(folder) {
  if (!olderParts.has(folder)) olderParts.set(folder, (async () => {
    const response = await fetch(`${folder ? `${base}/${folder}` : base}/pagefind/nam.json`, { cache: "no-cache" });
    return response.ok ? response.json() : [];
  })().catch(() => []));
  return olderParts.get(folder);
}
// The older parts merged into a site's recent part, once: they use its engine, and each page of the
// recent part is marked so that a search can still keep to it.
const merged = new Map();
function withOlder(folder) {
  if (!merged.has(folder)) merged.set(folder, (async () => {
    const [pagefind, names] = await Promise.all([open(folder), older(folder)]);
    const root = folder ? `${base}/${folder}` : base;
    await pagefind.options({ mergeFilter: { [PART]: "gần đây" } });
    await Promise.all(names.map((name) => pagefind.mergeIndex(`${root}/pagefind/${name}/`,
      { baseUrl: `${root}/`, mergeFilter: { [PART]: "trước" } })));
    return pagefind;
  })());
  return merged.get(folder);
}
const chosenIndex = () => (scope ? scope.value || communes.dataset.ckxShard : "");
// Every year: a commune picked on the portal, or the site's own when the citizen asks for it.
const everyYear = () => (scope ? Boolean(scope.value) : Boolean(allYears && allYears.checked));
const engine = (folder) => (everyYear() ? withOlder(folder) : open(folder));
const chosenName = () => (scope && scope.value ? scope.selectedOptions[0].textContent.split(":")[0] : "");

async function main() {
  const params = new URLSearchParams(location.search);
  if (scope && [...scope.options].some((o) => o.value === params.get("xa"))) scope.value = params.get("xa");
  if (allYears) {  // offered when the site has older years, ticked when the address says so
    allYears.checked = params.get("nam") === "tat-ca";
    older("").then((names) => { yearsLine.hidden = !names.length; });
    allYears.addEventListener("change", () => run());
  }
  await engine(chosenIndex());
  let selects = {};
  filterBox.hidden = false;
  // The filters' files are fetched when the citizen opens "Lọc kết quả", never before: most
  // searches never need them. Choosing another commune starts them again from its own index.
  let filtersLoaded = null;
  filterBox.addEventListener("toggle", () => {
    if (filterBox.open && !filtersLoaded) filtersLoaded = loadFilters();
  });

  async function loadFilters() {
    filterFields.replaceChildren(element("p", {}, "Đang tải bộ lọc…"));
    const available = await (await engine(chosenIndex())).filters();
    filterFields.replaceChildren();
    addFilters(available);
    if (!Object.keys(selects).length) filterFields.append(element("p", {}, "Không có bộ lọc nào cho các văn bản này."));
  }

  function addFilters(available) {
    for (const name of FILTER_NAMES) {
      const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b, "vi"));
      if (!values.length) continue;
      const id = `ckx-loc-${FILTER_NAMES.indexOf(name)}`;
      const label = element("label", { for: id }, name);
      const select = element("select", { id });
      select.append(element("option", { value: "" }, "Tất cả"));
      for (const value of values) select.append(element("option", { value }, `${value} (${available[name][value]})`));
      select.addEventListener("change", run);
      selects[name] = select;
      const field = element("div", { class: "ckx-search-filters__field" });
      field.append(label, select);
      filterFields.append(field);
    }
  }

  if (scope) scope.addEventListener("change", () => {
    selects = {};
    filtersLoaded = null;
    filterBox.open = false;
    filterFields.replaceChildren();
    run();
  });

  let shown = PAGE;
  moreButton.addEventListener("click", () => { shown += PAGE; show(); });

  async function run(event) {
    if (event) event.preventDefault();
    shown = PAGE;
    await show();
  }

  let latest = 0; // a slower earlier search (another commune's index still loading) never overwrites a later one
  async function show() {
    const mine = ++latest;
    const query = input.value.trim();
    const filters = {};
    for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = [select.value];
    const chosen = Object.keys(filters).length;  // the folded control says that a filter narrows the results
    filterSummary.textContent = chosen ? `Lọc kết quả (đang lọc theo ${chosen} mục)` : "Lọc kết quả";
    const address = () => {
      const url = new URL(location.href);
      url.searchParams.set("q", query);
      if (scope && scope.value) url.searchParams.set("xa", scope.value);
      else url.searchParams.delete("xa");
      if (allYears && allYears.checked) url.searchParams.set("nam", "tat-ca");
      else url.searchParams.delete("nam");
      history.replaceState(null, "", url);
    };
    address();
    if (!query && !Object.keys(filters).length) return render("", [], 0, false);
    const folder = chosenIndex();
    if (!loaded.has(folder)) statusLine.textContent = `Đang tải chỉ mục tìm kiếm của ${chosenName()}…`;
    try {
      const search = async () => {
        const wanted = { ...filters };
        if (!everyYear() && merged.has(folder)) wanted[PART] = ["gần đây"]; // merged earlier: keep to the recent part
        if (everyYear() && folder === "" && !merged.has(folder)) statusLine.textContent = "Đang tải chỉ mục các năm trước…";
        return (await engine(folder)).search(query || null, { filters: wanted });
      };
      let found = await search();
      let note = "";
      if (!found.results.length && query && allYears && !allYears.checked && (await older(folder)).length) {
        allYears.checked = true; // nothing recent: the older years are searched at once, and the box says so
        address();
        note = "Không có kết quả trong các văn bản gần đây, đã tìm cả các năm trước. ";
        found = await search();
      }
      // Searching the recent part alone, when there are older ones, is said: the box beside it widens it.
      const where = allYears && !allYears.checked && (await older(folder)).length ? " trong các văn bản gần đây" : "";
      const data = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
      if (mine === latest) render(query, exactFirst(query, data), found.results.length, found.results.length > shown, note, where);
    } catch {
      loaded.delete(folder); // tried again on the next search
      merged.delete(folder);
      if (mine === latest) statusLine.textContent = `Không tải được chỉ mục tìm kiếm${chosenName() ? ` của ${chosenName()}` : ""}. Hãy thử lại sau.`;
    }
  }

  form.addEventListener("submit", run);
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
  // what the citizen typed while the search loaded stays, and is searched; else the address's ?q=
  if (!input.value.trim()) input.value = params.get("q") || "";
  statusLine.textContent = "";
  if (input.value.trim()) run();
}

statusLine.textContent = "Đang tải công cụ tìm kiếm…";

main().catch(() => {
  statusLine.textContent = "Không tải được công cụ tìm kiếm. Bạn vẫn xem được văn bản theo danh mục bên dưới.";
});
