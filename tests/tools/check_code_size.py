#!/usr/bin/env python3
"""Prints the longest source files and functions of the product code and fails past the
house limits (a file over 900 lines, a function over 150 lines; tests are exempt).

    check_code_size.py [--root DIR] [--top N] [--max-file 900] [--max-function 150]

Functions are found without a compiler: comments, strings and raw strings are blanked,
then every brace block that opens at namespace or class level and follows a closing
parenthesis (with const, noexcept, override, a trailing return type or a constructor's
initialiser list between) is a function body. Class, struct, union, enum, namespace and
extern blocks are containers; `= {` and `[] {` blocks are data. A function's length is
the count of lines from its signature's line to its closing brace.
"""
import argparse
import os
import re
import sys

PRODUCT_DIRS = ("app", "cli", "core", "graph", "importers", "views")
SOURCE_EXT = (".cpp", ".h")


def blank_non_code(text):
    """Returns text with comments, string and character literals replaced by spaces
    (newlines kept), so braces and parentheses inside them are not counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c in "\"'":
            # A digit separator (1'000'000) is not a character literal.
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


CONTAINER = re.compile(r"\b(class|struct|union|enum|namespace|extern)\b[^;{}()]*$")
FUNCTION_TAIL = re.compile(
    r"\)\s*(const\s*)?(noexcept(\s*\([^()]*\))?\s*)?(override\s*|final\s*)*"
    r"(->\s*[\w:<>,\s*&]+)?\s*$"
)


def preceding_statement(code, pos):
    """The text between the last ';', '{' or '}' before pos and pos."""
    start = max(code.rfind(";", 0, pos), code.rfind("{", 0, pos), code.rfind("}", 0, pos))
    return code[start + 1 : pos]


def strip_initialiser_list(head):
    """For `X::X(args) : a_(1), b_{2}` return `X::X(args)`."""
    depth = 0
    for k in range(len(head) - 1, -1, -1):
        ch = head[k]
        if ch in ")}>":
            depth += 1
        elif ch in "({<":
            depth -= 1
        elif ch == ":" and depth == 0:
            if (k > 0 and head[k - 1] == ":") or (k + 1 < len(head) and head[k + 1] == ":"):
                continue
            before = head[:k].rstrip()
            if before.endswith(")"):
                return before
    return head


def functions(code):
    """Yields (name, first line, last line) of each function body in code."""
    line_of = []
    line = 1
    for ch in code:
        line_of.append(line)
        if ch == "\n":
            line += 1
    # Stack of ("container" | "function" | "data", start index, name)
    stack = []
    i = 0
    n = len(code)
    while i < n:
        ch = code[i]
        if ch == "{":
            inside_function = any(kind != "container" for kind, _, _ in stack)
            if inside_function:
                stack.append(("data", i, ""))
            else:
                head = preceding_statement(code, i)
                if CONTAINER.search(head):
                    stack.append(("container", i, ""))
                elif re.search(r"=\s*$", head) or re.search(r"\]\s*$", head):
                    stack.append(("data", i, ""))
                else:
                    signature = strip_initialiser_list(head.rstrip())
                    if FUNCTION_TAIL.search(signature):
                        name_match = re.search(r"([~\w:]+(?:operator\s*[^\s(]+)?)\s*\(", signature)
                        name = name_match.group(1) if name_match else "?"
                        first = line_of[i - len(head) + (len(head) - len(head.lstrip()))]
                        stack.append(("function", first, name))
                    else:
                        stack.append(("data", i, ""))
        elif ch == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "function":
                    yield name, start, line_of[i]
        i += 1


def product_files(root):
    for top in PRODUCT_DIRS:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith(SOURCE_EXT):
                    yield os.path.join(folder, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--max-file", type=int, default=900)
    parser.add_argument("--max-function", type=int, default=150)
    args = parser.parse_args()
    root = os.path.normpath(args.root)

    file_sizes, function_sizes = [], []
    for path in product_files(root):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        rel = os.path.relpath(path, root)
        file_sizes.append((text.count("\n"), rel))
        for name, first, last in functions(blank_non_code(text)):
            function_sizes.append((last - first + 1, f"{rel}:{first}", name))

    file_sizes.sort(reverse=True)
    function_sizes.sort(reverse=True)
    print(f"Longest files (limit {args.max_file} lines):")
    for lines, rel in file_sizes[: args.top]:
        print(f"  {lines:5d}  {rel}")
    print(f"Longest functions (limit {args.max_function} lines):")
    for lines, where, name in function_sizes[: args.top]:
        print(f"  {lines:5d}  {where}  {name}")

    over_files = [f for f in file_sizes if f[0] > args.max_file]
    over_functions = [f for f in function_sizes if f[0] > args.max_function]
    for lines, rel in over_files:
        print(f"{rel}: {lines} lines, over the {args.max_file}-line limit for a file", file=sys.stderr)
    for lines, where, name in over_functions:
        print(f"{where}: {name} is {lines} lines, over the {args.max_function}-line limit for a function",
              file=sys.stderr)
    print(f"{len(file_sizes)} files, {len(function_sizes)} functions checked; "
          f"{len(over_files)} files and {len(over_functions)} functions over the limits")
    return 1 if over_files or over_functions else 0


if __name__ == "__main__":
    sys.exit(main())
