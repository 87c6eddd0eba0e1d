-- Debian's neovim (0.7.2) as the language server's client, headless: open a broker file, wait for
-- diagnostics, complete a transport URI option, apply the preferred quick fix, and check the
-- buffer's bytes against what `activemq-config lint --fix` writes. Neovim 0.7 has no vim.lsp.start
-- (0.8) and no `nvim -l` (0.9): Scripts/test-neovim runs this with `nvim --headless -u NONE`, and
-- it talks through vim.lsp.start_client and vim.lsp.buf_attach_client.
--
-- Env: ACTIVEMQ_CONFIG (the binary), NVIM_TEST_FILE (a copy of ../broker.xml to edit),
-- NVIM_TEST_EXPECTED (the bytes lint --fix gives), NVIM_TEST_RESULT (where the verdict goes).
local result_path = os.getenv("NVIM_TEST_RESULT")
local failures = {}

local function check(condition, message)
  if not condition then table.insert(failures, message) end
  return condition
end

local function finish()
  local out = io.open(result_path, "w")
  if #failures == 0 then
    out:write("ok\n")
  else
    out:write(table.concat(failures, "\n") .. "\n")
  end
  out:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  local file = os.getenv("NVIM_TEST_FILE")
  local client_id = vim.lsp.start_client({
    name = "activemq-config",
    cmd = { os.getenv("ACTIVEMQ_CONFIG"), "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    init_options = { debounce = 0 },
  })
  if not check(client_id ~= nil, "vim.lsp.start_client returned nil") then return end
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- Diagnostics: the negative TTL, under its rule id.
  local published = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  if not check(published, "no diagnostics within 20 s") then return end
  local diagnostics = vim.diagnostic.get(buffer)
  local codes = {}
  for _, d in ipairs(diagnostics) do table.insert(codes, tostring(d.code)) end
  check(vim.tbl_contains(codes, "negative-ttl"), "diagnostic codes: " .. table.concat(codes, ", "))

  -- Completion after the '?' of the member URI: tcp options, with their prefixes.
  local line = vim.api.nvim_buf_get_lines(buffer, 2, 3, false)[1]
  local column = line:find("61616?", 1, true) + #"61616?" - 1
  local replies = vim.lsp.buf_request_sync(buffer, "textDocument/completion", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = 2, character = column },
  }, 10000)
  local labels = {}
  for _, reply in pairs(replies or {}) do
    local items = reply.result and (reply.result.items or reply.result) or {}
    for _, item in ipairs(items) do table.insert(labels, item.label) end
  end
  -- A member of a network connector dials out: tcp's options carry no transport. prefix there.
  check(vim.tbl_contains(labels, "tcpNoDelay=") and vim.tbl_contains(labels, "wireFormat.maxInactivityDuration="),
        "completion labels: " .. table.concat(labels, ", "))

  -- The preferred (safe) quick fix for the negative TTL, applied as neovim applies it.
  local negative
  for _, d in ipairs(diagnostics) do if d.code == "negative-ttl" then negative = d end end
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buffer, negative.lnum)
  local actions = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    range = { start = { line = negative.lnum, character = negative.col }, ["end"] = { line = negative.end_lnum, character = negative.end_col } },
    context = { diagnostics = lsp_diagnostics, only = { "quickfix" } },
  }, 10000)
  local preferred
  for _, reply in pairs(actions or {}) do
    for _, action in ipairs(reply.result or {}) do
      if action.isPreferred then preferred = action end
    end
  end
  if not check(preferred ~= nil and preferred.edit ~= nil, "no preferred quick fix with an edit") then return end
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
  local text = table.concat(lines, "\n") .. "\n"
  local expected_file = io.open(os.getenv("NVIM_TEST_EXPECTED"), "rb")
  local expected = expected_file:read("*a")
  expected_file:close()
  check(text == expected, "after the fix the buffer is:\n" .. text .. "\nexpected:\n" .. expected)

  -- The diagnostics follow: none is left for the negative TTL.
  local cleared = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buffer)) do
      if d.code == "negative-ttl" then return false end
    end
    return true
  end, 50)
  check(cleared, "the negative-ttl diagnostic stayed after the fix")
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(failures, "error: " .. tostring(err)) end
finish()
