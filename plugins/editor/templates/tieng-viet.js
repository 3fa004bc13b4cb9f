// The editor's own words in Vietnamese: Decap ships a "vi" locale that lacks these 77 phrases (its English
// ones showed through, "Add bảng số liệu"). Merged into Decap's own before the editor starts; a phrase Decap
// adds later falls back to English and the browser test that reads every screen names it. The Markdown
// editor's two blocks are renamed too.
const MISSING = {
  "auth.loginWithAzure": "Đăng nhập bằng Azure",
  "auth.loginWithForgejo": "Đăng nhập bằng Forgejo",
  "collection.collectionTop.viewAsList": "Xem dạng danh sách",
  "collection.collectionTop.viewAsGrid": "Xem dạng lưới",
  "collection.collectionTop.groupBy": "Nhóm theo",
  "collection.entries.unpublishedHeader": "Mục chưa đăng",
  "collection.groups.other": "Khác",
  "collection.groups.negateLabel": "Không phải %{label}",
  "editor.editorControl.field.widgetLabel": "Ô %{widgetLabel}",
  "editor.editorControlPane.i18n.writingInLocale": "Đang viết bằng %{locale}",
  "editor.editorControlPane.i18n.copyFromLocale": "Điền từ ngôn ngữ khác",
  "editor.editorControlPane.i18n.copyFromLocaleConfirm": "Điền nội dung từ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.",
  "editor.editorInterface.toggleI18n": "Bật, tắt đa ngôn ngữ",
  "editor.editorInterface.togglePreview": "Bật, tắt xem trước và kiểm tra",
  "editor.editorInterface.toggleScrollSync": "Cuộn cùng nhau",
  "editor.editorInterface.toggleNotes": "Bật, tắt ghi chú",
  "editor.editorNotesPane.title": "Ghi chú",
  "editor.editorNotesPane.emptyState": "Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới.",
  "editor.editorNotesPane.addNote": "Thêm ghi chú",
  "editor.editorNotesPane.addPlaceholder": "Thêm một ghi chú...",
  "editor.editorNotesPane.editPlaceholder": "Sửa ghi chú...",
  "editor.editorNotesPane.save": "Lưu",
  "editor.editorNotesPane.cancel": "Hủy",
  "editor.editorNotesPane.edit": "Sửa",
  "editor.editorNotesPane.delete": "Xóa",
  "editor.editorNotesPane.resolve": "Đánh dấu đã xong",
  "editor.editorNotesPane.unresolve": "Mở lại",
  "editor.editorNotesPane.confirmDelete": "Xóa ghi chú này?",
  "editor.editorNotesPane.shortcut": "Mẹo: nhấn Ctrl+Enter để thêm nhanh ghi chú",
  "editor.editorToolbar.statusInfoTooltipDraft": "Mục đang ở trạng thái nháp. Để gửi duyệt, chuyển trạng thái sang “Đang duyệt”",
  "editor.editorToolbar.statusInfoTooltipInReview": "Mục đang được duyệt, không cần làm gì thêm; vẫn có thể sửa trong lúc duyệt.",
  "editor.editorWidgets.markdown.bold": "In đậm",
  "editor.editorWidgets.markdown.italic": "In nghiêng",
  "editor.editorWidgets.markdown.strikethrough": "Gạch ngang",
  "editor.editorWidgets.markdown.code": "Mã",
  "editor.editorWidgets.markdown.link": "Liên kết",
  "editor.editorWidgets.markdown.linkPrompt": "Nhập địa chỉ của liên kết",
  "editor.editorWidgets.markdown.headings": "Tiêu đề mục",
  "editor.editorWidgets.markdown.quote": "Trích dẫn",
  "editor.editorWidgets.markdown.bulletedList": "Danh sách gạch đầu dòng",
  "editor.editorWidgets.markdown.numberedList": "Danh sách đánh số",
  "editor.editorWidgets.markdown.addComponent": "Thêm thành phần",
  "editor.editorWidgets.markdown.toggleMode.rich": "Chuyển sang soạn có định dạng",
  "editor.editorWidgets.markdown.toggleMode.markdown": "Chuyển sang soạn Markdown",
  "editor.editorWidgets.image.chooseMultiple": "Chọn các hình",
  "editor.editorWidgets.image.chooseUrl": "Chèn từ địa chỉ",
  "editor.editorWidgets.image.replaceUrl": "Thay bằng địa chỉ",
  "editor.editorWidgets.image.promptUrl": "Nhập địa chỉ của hình",
  "editor.editorWidgets.image.addMore": "Thêm hình",
  "editor.editorWidgets.image.removeAll": "Gỡ mọi hình",
  "editor.editorWidgets.file.chooseUrl": "Chèn từ địa chỉ",
  "editor.editorWidgets.file.chooseMultiple": "Chọn các tệp",
  "editor.editorWidgets.file.replaceUrl": "Thay bằng địa chỉ",
  "editor.editorWidgets.file.promptUrl": "Nhập địa chỉ của tệp",
  "editor.editorWidgets.file.addMore": "Thêm tệp",
  "editor.editorWidgets.file.removeAll": "Gỡ mọi tệp",
  "editor.editorWidgets.datetime.setToNow": "Đặt %{fieldLabel} là bây giờ",
  "editor.editorWidgets.list.add": "Thêm %{item}",
  "editor.editorWidgets.list.addType": "Thêm %{item}",
  "editor.editorWidgets.object.expand": "Mở rộng",
  "editor.editorWidgets.object.collapse": "Thu gọn",
  "mediaLibrary.mediaLibraryCard.copy": "Chép",
  "mediaLibrary.mediaLibraryCard.copyUrl": "Chép địa chỉ",
  "mediaLibrary.mediaLibraryCard.copyPath": "Chép đường dẫn",
  "mediaLibrary.mediaLibraryCard.copyName": "Chép tên",
  "mediaLibrary.mediaLibraryCard.copied": "Đã chép",
  "mediaLibrary.mediaLibraryModal.close": "Đóng",
  "ui.settingsDropdown.account": "Tài khoản",
  "ui.toast.noteAdded": "Đã thêm ghi chú",
  "ui.toast.onFailToAddNote": "Không thêm được ghi chú: %{details}",
  "ui.toast.noteUpdated": "Đã sửa ghi chú",
  "ui.toast.onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
  "ui.toast.noteDeleted": "Đã xóa ghi chú",
  "ui.toast.onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
  "ui.toast.noteResolved": "Đã đánh dấu xong ghi chú",
  "ui.toast.noteReopened": "Đã mở lại ghi chú",
  "ui.toast.onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}",
};

(() => {
  const phrases = structuredClone(CMS.getLocale("vi") || {});
  for (const [path, text] of Object.entries(MISSING)) {
    const keys = path.split(".");
    let node = phrases;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
    if (node[keys.at(-1)] === undefined) node[keys.at(-1)] = text;  // Decap's own translation wins
  }
  CMS.registerLocale("vi", phrases);
  // the Markdown editor's "Thêm thành phần" menu names its blocks by their own labels, in English
  const components = CMS.getEditorComponents();
  for (const [id, label] of [["code-block", "Khối mã"], ["image", "Hình ảnh"]]) {
    const component = components.get(id);
    if (component) component.label = label;
  }
})();
