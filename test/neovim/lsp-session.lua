-- Drives the Docker Patterns language server from Neovim's own LSP client (0.7+),
-- headless: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-session.lua'
-- Inputs (environment): DP_NODE (node binary), DP_SERVER (bin/docker-patterns-language-server.js),
-- DP_DIR (a folder holding Dockerfile and compose.yaml).
-- Output: one line `DP-RESULT <json>` on stdout; exits 0, or 1 after writing `DP-RESULT {"error":…}`.

local TIMEOUT = 10000

local function emit(value)
  io.stdout:write('DP-RESULT ' .. vim.fn.json_encode(value) .. '\n')
  io.stdout:flush()
end

local function diagnostics_of(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, {
      code = d.code,
      source = d.source,
      message = d.message,
      severity = d.severity,
      -- 0-based lines; byte columns (the test files are ASCII, so equal to UTF-16 ones).
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return out
end

local function open(path, filetype, client_id)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  -- -u NONE skips filetype detection; set it as a user's config would.
  vim.bo[buf].filetype = filetype
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed for ' .. path)
  return buf
end

local function wait_for(what, ms, predicate)
  if not vim.wait(ms, predicate, 20) then error('timed out waiting for ' .. what) end
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then return true end
  end
  return false
end

local function session()
  local node, server, dir = os.getenv('DP_NODE'), os.getenv('DP_SERVER'), os.getenv('DP_DIR')
  assert(node and server and dir, 'DP_NODE, DP_SERVER and DP_DIR must be set')
  local started = vim.loop.hrtime()
  local stderr = {}

  local client_id = vim.lsp.start_client({
    name = 'docker-patterns',
    cmd = { node, server, '--stdio' },
    root_dir = dir,
    handlers = {
      -- Log messages are kept rather than shown (headless, no UI).
      ['window/logMessage'] = function(_, result) table.insert(stderr, result.message) end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')

  local dockerfile = open(dir .. '/Dockerfile', 'dockerfile', client_id)
  local compose = open(dir .. '/compose.yaml', 'yaml', client_id)

  wait_for('Dockerfile diagnostics', TIMEOUT, function() return #vim.diagnostic.get(dockerfile) > 0 end)
  wait_for('compose diagnostics', TIMEOUT, function() return #vim.diagnostic.get(compose) > 0 end)
  local client = vim.lsp.get_client_by_id(client_id)

  local result = {
    nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
    offset_encoding = client.offset_encoding,
    dockerfile = diagnostics_of(dockerfile),
    compose = diagnostics_of(compose),
  }

  -- Hover over the FROM keyword.
  vim.api.nvim_set_current_buf(dockerfile)
  local hovers = vim.lsp.buf_request_sync(dockerfile, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(dockerfile),
    position = { line = 0, character = 1 },
  }, TIMEOUT)
  local hover = hovers and hovers[client_id] and hovers[client_id].result
  if hover then
    local contents = hover.contents
    result.hover = { kind = contents.kind, value = contents.value or contents }
  end

  -- Quick fix through the client's own machinery: the line's diagnostics as Neovim hands
  -- them back to servers, a codeAction request for the cursor range, the preferred action,
  -- and Neovim's workspace-edit application.
  vim.api.nvim_win_set_cursor(0, { 1, 5 })
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(dockerfile, 0)
  local df301 = {}
  for _, d in ipairs(line_diagnostics) do
    if d.code == 'DF301' then table.insert(df301, d) end
  end
  assert(#df301 == 1, 'expected one DF301 diagnostic on line 1, got ' .. #df301)
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = df301, only = { 'quickfix' } }
  local responses = vim.lsp.buf_request_sync(dockerfile, 'textDocument/codeAction', params, TIMEOUT)
  local actions = responses and responses[client_id] and responses[client_id].result or {}
  result.actions = {}
  local preferred
  for _, action in ipairs(actions) do
    table.insert(result.actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred == true })
    if action.isPreferred and not preferred then preferred = action end
  end
  assert(preferred, 'no preferred code action among ' .. #actions)
  result.applied = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.fixed_text = table.concat(vim.api.nvim_buf_get_lines(dockerfile, 0, -1, false), '\n') .. '\n'

  -- The edit reaches the server through didChange; its next diagnostics drop DF301.
  wait_for('diagnostics without DF301 after the fix', TIMEOUT, function()
    return #vim.diagnostic.get(dockerfile) > 0 and not has_code(dockerfile, 'DF301')
  end)
  result.dockerfile_after = diagnostics_of(dockerfile)
  result.log = stderr

  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  result.ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  return result
end

local ok, value = pcall(session)
if ok then
  emit(value)
  vim.cmd('qall!')
else
  emit({ error = tostring(value) })
  vim.cmd('cquit 1')
end
