// "Chép tin nhắn": copies the ready-made message for the village's Zalo group. Without JavaScript the
// message is still on the page to select by hand; the button only appears when copying can work.
for (const button of document.querySelectorAll("[data-ckx-copy]")) {
  const source = document.getElementById(button.dataset.ckxCopy);
  const status = document.getElementById(`${button.dataset.ckxCopy}-trang-thai`);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      status.textContent = "Đã chép. Mở nhóm Zalo của thôn và dán vào ô tin nhắn.";
    } catch {
      status.textContent = "Không chép được: hãy bôi đen tin nhắn rồi chép bằng tay.";
    }
  });
}
