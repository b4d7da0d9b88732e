#!/usr/bin/env node
// vscode-languageserver picks the transport from the arguments (--stdio, --node-ipc, --socket=N).
require('../dist/server.js');
