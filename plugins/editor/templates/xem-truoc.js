// Preview of an entry in the web editor: the page as citizens will read it, and the problems
// `make validate` would report, fetched from the local editor server (`make editor`).
// Generated at build time with the list of collections; do not edit.
const COLLECTIONS = {{ collections|tojson }};

const Preview = createClass({
  getInitialState() { return { issues: null, offline: false }; },
  componentDidMount() { this.check(); },
  componentDidUpdate(previous) { if (previous.entry !== this.props.entry) this.check(); },
  check() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const entry = this.props.entry;
      const media = entry.get("mediaFiles");
      const pending = media ? media.toArray().map((file) => String(file.get("path") || "").split("/").pop()) : [];
      try {
        const response = await fetch("/api/kiem-tra", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          // a new entry has no path yet (null: checked at the path it will have); the files chosen in this
          // editing session are saved with the entry, so they count as there
          body: JSON.stringify({ path: entry.get("newRecord") ? null : (entry.get("path") || null),
                                 data: entry.get("data").toJS(), pending }),
        });
        if (!response.ok) throw new Error(String(response.status));
        this.setState({ issues: await response.json(), offline: false });
      } catch (error) {
        this.setState({ offline: true });
      }
    }, 600);
  },
  render() {
    const { issues, offline } = this.state;
    let check;
    if (offline) {
      check = h("p", {}, "Kiểm tra lỗi chỉ có khi soạn trên máy bằng lệnh make editor; khi lưu, trang vẫn được kiểm tra lúc xây dựng.");
    } else if (issues === null) {
      check = h("p", {}, "Đang kiểm tra…");
    } else if (!issues.length) {
      check = h("p", { style: { color: "#0a5c2b", fontWeight: "bold" } }, "Không có lỗi.");
    } else {
      check = h("ul", {}, issues.map((i, n) => h("li", { key: n, style: { color: i.severity === "error" ? "#a00" : "#6b4700" } },
        `${i.severity === "error" ? "LỖI" : "CẢNH BÁO"} ${i.line ? "dòng " + i.line + " " : ""}[${i.code}] ${i.key ? i.key + ": " : ""}${i.message} ${i.hint}`)));
    }
    return h("div", { lang: "vi", style: { fontFamily: "system-ui, sans-serif", padding: "1rem" } },
      h("section", { style: { border: "2px solid #333", padding: "0.5rem 1rem", marginBottom: "1rem" } },
        h("h2", { style: { marginTop: 0 } }, "Kiểm tra"), check),
      h("h1", {}, this.props.entry.getIn(["data", "title"]) || ""),
      this.props.widgetFor("body"));
  },
});

for (const name of COLLECTIONS) CMS.registerPreviewTemplate(name, Preview);
