// Tìm kiếm: Pagefind's JS API with a Vietnamese interface. Loaded only on /tim-kiem/; every
// other page is read without JavaScript. Results show kind, date and posting status, and a
// query typed with diacritics puts pages containing exactly those words first.

const form = document.querySelector("[data-ckx-search]");
const input = form.querySelector("input[name=q]");
const statusLine = document.querySelector("[data-ckx-status]");
const list = document.querySelector("[data-ckx-results]");
const filterBox = document.querySelector("[data-ckx-filters]");
const base = new URL("../", document.baseURI.replace(/[?#].*$/, "")).pathname.replace(/\/$/, "");
const FILTER_NAMES = ["Loại", "Năm", "Thôn"];
const SHOWN = 20;

const hasMarks = (text) => text.normalize("NFD") !== text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") || /[đĐ]/.test(text);
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

function render(query, results, total) {
  list.replaceChildren();
  if (!query && !total) {
    statusLine.textContent = "";
    return;
  }
  statusLine.textContent = total
    ? `Tìm thấy ${total} kết quả${query ? ` cho “${query}”` : ""}${total > SHOWN ? `, hiện ${SHOWN} kết quả đầu` : ""}.`
    : `Không tìm thấy kết quả nào${query ? ` cho “${query}”` : ""}. Hãy thử từ khác, hoặc xem theo danh mục bên dưới.`;
  for (const r of results) {
    const item = element("li", { class: "ckx-search-results__item" });
    const heading = element("h2", { class: "ckx-search-results__title" });
    heading.append(element("a", { href: r.url }, r.meta.title || r.url));
    const meta = element("p", { class: "ckx-search-results__meta" },
      [r.meta.loai, r.meta.ngay && `ban hành ${r.meta.ngay}`, r.meta.trang_thai].filter(Boolean).join(" · "));
    const excerpt = element("p", { class: "ckx-search-results__excerpt" });
    excerpt.innerHTML = r.excerpt; // Pagefind escapes page text and adds only <mark>
    item.append(heading, meta, excerpt);
    list.append(item);
  }
}

async function main() {
  const pagefind = await import(`${base}/pagefind/pagefind.js`);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  const available = await pagefind.filters();
  const selects = {};
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
    filterBox.append(field);
  }
  filterBox.hidden = !Object.keys(selects).length;

  async function run(event) {
    if (event) event.preventDefault();
    const query = input.value.trim();
    const filters = {};
    for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = [select.value];
    const url = new URL(location.href);
    url.searchParams.set("q", query);
    history.replaceState(null, "", url);
    if (!query && !Object.keys(filters).length) return render("", [], 0);
    const search = await pagefind.search(query || null, { filters });
    const data = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    render(query, exactFirst(query, data), search.results.length);
  }

  form.addEventListener("submit", run);
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (input.value) run();
}

main().catch(() => {
  statusLine.textContent = "Không tải được công cụ tìm kiếm. Bạn vẫn xem được văn bản theo danh mục bên dưới.";
});
