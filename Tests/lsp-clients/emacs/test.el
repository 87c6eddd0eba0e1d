;;; test.el --- Debian's Emacs with eglot as the language server's client -*- lexical-binding: t -*-

;; Scripts/test-emacs runs this with `emacs --batch -Q -l test.el`: open a broker file in
;; nxml-mode, start eglot on `activemq-config lsp', wait for diagnostics (flymake), complete a
;; transport URI option, apply the preferred quick fix, and check the buffer's bytes against what
;; `activemq-config lint --fix' writes.  Env: ACTIVEMQ_CONFIG, EMACS_TEST_FILE, EMACS_TEST_EXPECTED,
;; EMACS_TEST_RESULT (where the verdict goes).

(require 'package)
(add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'nxml-mode)

(defvar test-failures nil)

(defun test-check (condition message)
  (unless condition (push message test-failures))
  condition)

(defun test-wait (predicate seconds)
  "Waits up to SECONDS for PREDICATE, reading the server's output meanwhile."
  (let ((deadline (+ (float-time) seconds)) (done nil))
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    done))

(defun test-run ()
  (let* ((file (getenv "EMACS_TEST_FILE"))
         (directory (file-name-directory file)))
    (find-file file)
    (nxml-mode)
    (eglot '(nxml-mode) (cons 'transient directory) 'eglot-lsp-server
           (list (getenv "ACTIVEMQ_CONFIG") "lsp" ) "xml")
    (test-check (test-wait (lambda () (eglot-current-server)) 20) "eglot did not connect")
    ;; Diagnostics: the negative TTL, reported through flymake.
    (test-check (test-wait (lambda () (flymake-diagnostics)) 20) "no diagnostics within 20 s")
    (let ((texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
      (test-check (cl-some (lambda (text) (string-match-p "networkTTL=\"-2\"" text)) texts)
                  (format "diagnostics: %S" texts)))
    ;; Completion after the '?' of the member URI.
    (goto-char (point-min))
    (search-forward "61616?")
    (let* ((capf (eglot-completion-at-point))
           (table (nth 2 capf))
           (candidates (and table (all-completions "" table))))
      (test-check (and (member "tcpNoDelay=" candidates) (member "wireFormat.maxInactivityDuration=" candidates))
                  (format "completion candidates: %S" candidates)))
    ;; The preferred quick fix, applied as eglot applies a chosen action.
    (let* ((diagnostic (car (flymake-diagnostics)))
           (actions (eglot-code-actions (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic) "quickfix"))
           (preferred (cl-find-if (lambda (action) (plist-get action :isPreferred)) actions)))
      (when (test-check (and preferred (plist-get preferred :edit)) (format "no preferred quick fix: %S" actions))
        (eglot--apply-workspace-edit (plist-get preferred :edit))
        (let ((expected (with-temp-buffer
                          (insert-file-contents-literally (getenv "EMACS_TEST_EXPECTED"))
                          (buffer-string))))
          (test-check (string= (buffer-substring-no-properties (point-min) (point-max)) expected)
                      (format "after the fix the buffer is:\n%s\nexpected:\n%s" (buffer-string) expected)))
        ;; The diagnostics follow the edit: none is left. Batch Emacs runs no idle timers, so the
        ;; change is sent and flymake asked for its report as those timers would.
        (eglot--signal-textDocument/didChange)
        (test-check (test-wait (lambda () (flymake-start) (null (flymake-diagnostics))) 20) "the diagnostic stayed after the fix")))
    (eglot-shutdown (eglot-current-server))))

(condition-case err
    (test-run)
  (error (push (format "error: %S" err) test-failures)))
(with-temp-file (getenv "EMACS_TEST_RESULT")
  (insert (if test-failures (mapconcat #'identity (reverse test-failures) "\n") "ok") "\n"))
(kill-emacs 0)
;;; test.el ends here
