/* The staff lesson form: send the recording with tus (resumable, in chunks), then
 * submit the form with the finished upload's id instead of the file. Without this
 * script (or tus support) the form posts the file itself. A dropped connection is
 * retried; after a page reload, choosing the same file again continues where it
 * stopped (tus-js-client remembers the upload in localStorage). */
(function () {
  "use strict";
  var form = document.querySelector("[data-resumable-form]");
  if (!form || !window.tus || !window.tus.isSupported) return;
  var input = form.querySelector("input[type=file][data-resumable]");
  var hidden = form.querySelector("input[name=upload]");
  var box = form.querySelector("[data-upload-progress]");
  var bar = box.querySelector("progress");
  var words = box.querySelector("[data-upload-words]");
  var button = form.querySelector("[data-send]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sending = false;

  function say(text) {
    box.hidden = false;
    words.textContent = text;
  }

  function showProgress(sent, total) {
    var percent = total ? Math.floor((sent / total) * 100) : 0;
    var left = ((total - sent) / (1024 * 1024)).toFixed(1).replace(".", ",");
    bar.value = percent;
    say(box.dataset.words.replace("{percent}", percent).replace("{left}", left));
  }

  // A new file chosen after a refused one: send it, not the earlier upload.
  input.addEventListener("change", function () {
    hidden.value = "";
  });

  form.addEventListener("submit", function (event) {
    if (hidden.value || !input.files.length) return; // nothing to send ahead
    event.preventDefault();
    if (sending) return;
    sending = true;
    button.disabled = true;
    var file = input.files[0];
    var upload = new window.tus.Upload(file, {
      endpoint: form.dataset.endpoint,
      chunkSize: Number(form.dataset.chunkBytes),
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      headers: { "X-CSRFToken": token },
      metadata: { filename: file.name, filetype: file.type },
      removeFingerprintOnSuccess: true,
      onProgress: showProgress,
      onShouldRetry: function () {
        say(box.dataset.retrying);
        return true;
      },
      onError: function () {
        say(box.dataset.failed);
        sending = false;
        button.disabled = false;
      },
      onSuccess: function () {
        hidden.value = upload.url.split("/").filter(Boolean).pop();
        input.disabled = true; // the file has arrived: post the form without it
        form.submit();
      },
    });
    showProgress(0, file.size);
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
})();
