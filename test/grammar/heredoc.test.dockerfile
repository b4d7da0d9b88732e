# SYNTAX TEST "source.dockerfile" "RUN heredoc bodies are highlighted as shell"
FROM debian:12-slim
RUN <<EOF
# <- keyword.other.special-method.dockerfile
#   ^^ meta.heredoc.dockerfile keyword.operator.heredoc.dockerfile
#     ^^^ keyword.control.heredoc-token.dockerfile
set -eux
# <- meta.embedded.block.shell support.function.builtin.shell
echo "$HOME" && apt-get update
# <- meta.embedded.block.shell support.function.builtin.shell
#    ^ meta.embedded.block.shell string.quoted.double.shell
#            ^^ meta.embedded.block.shell punctuation.separator.statement.and.shell
EOF
# <- keyword.control.heredoc-token.dockerfile
COPY "a b" /app/
#    ^^^^^ string.quoted.double.dockerfile - meta.embedded.block.shell
RUN <<-"SETUP"
#   ^^^ keyword.operator.heredoc.dockerfile
#      ^ punctuation.definition.string.begin.dockerfile
#       ^^^^^ keyword.control.heredoc-token.dockerfile
#            ^ punctuation.definition.string.end.dockerfile
	echo "tab-indented"
#^^^^ meta.embedded.block.shell support.function.builtin.shell
	SETUP
#^^^^^ keyword.control.heredoc-token.dockerfile
run --mount=type=cache,target=/root/.cache python3 <<'PY'
# <- keyword.other.special-method.dockerfile
#   ^^^^^^^ variable.parameter.flag.dockerfile
print("hi")
# <- meta.embedded.block.shell
PY
# <- keyword.control.heredoc-token.dockerfile
ONBUILD RUN <<EOF
# <- keyword.control.dockerfile
#       ^^^ keyword.other.special-method.dockerfile
true
# <- meta.embedded.block.shell
EOF
RUN <<ONE <<TWO
#   ^^ keyword.operator.heredoc.dockerfile
#     ^^^ keyword.control.heredoc-token.dockerfile
#         ^^ keyword.operator.heredoc.dockerfile
#           ^^^ keyword.control.heredoc-token.dockerfile
echo first
# <- meta.embedded.block.shell support.function.builtin.shell
ONE
# <- keyword.control.heredoc-token.dockerfile
echo second
# <- meta.embedded.block.shell support.function.builtin.shell
TWO
# <- keyword.control.heredoc-token.dockerfile
RUN <<A <<B <<C
#       ^^ keyword.operator.heredoc.dockerfile
#             ^ keyword.control.heredoc-token.dockerfile
a
A
b
B
echo third
# <- meta.embedded.block.shell support.function.builtin.shell
C
# <- keyword.control.heredoc-token.dockerfile
EXPOSE 8080
# <- keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
