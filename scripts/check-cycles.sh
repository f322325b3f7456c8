#!/usr/bin/env bash
# Class and package cycles among the compiled main classes (jdeps from the JDK, then Tarjan's
# strongly connected components in a small embedded Python).
#
#   scripts/check-cycles.sh [CLASSES_DIR] [ROOT_PACKAGE]
#       CLASSES_DIR   default the project's target/classes (compile first: mvn -DskipTests compile)
#       ROOT_PACKAGE  default org.broadsheet: only packages under it (and it) are looked at
#
# Fails (exit 1) when classes of two or more different packages depend on each other in a
# circle, i.e. the package graph (an edge P -> Q when a class of P refers to a class of Q)
# has a strongly connected component of more than one package; it prints each such cycle
# with the class references that make it; and when classes of one package refer to each other
# in a circle (nested classes count as their top-level class; references only in Javadoc or
# inlined constants are not in the bytecode and do not count). Exit 2: jdeps or python3 is
# missing, or there are no classes. Needs bash, python3 and the JDK's jdeps; `mvn verify`
# runs it (exec-maven-plugin, verify phase).
set -euo pipefail

# CLASSES_DIR is taken relative to the current folder when given, to the project's otherwise.
if [[ $# -ge 1 ]]; then
  classes="$1"
else
  classes="$(dirname "$0")/../target/classes"
fi
root="${2:-org.broadsheet}"

if [[ ! -d "$classes/${root//.//}" ]]; then
  echo "check-cycles: no compiled classes of $root in $classes (compile first)" >&2
  exit 2
fi
jdeps_bin="jdeps"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jdeps" ]]; then
  jdeps_bin="$JAVA_HOME/bin/jdeps"
fi
if ! command -v "$jdeps_bin" >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  echo "check-cycles: needs the JDK's jdeps and python3 on the PATH" >&2
  exit 2
fi

deps="$(mktemp)"
trap 'rm -f "$deps"' EXIT
# -filter:none keeps same-package references too (the class-level report needs them). Classes
# outside CLASSES_DIR (libraries, the JDK) show as "not found" or a module: ignored below.
"$jdeps_bin" -verbose:class -filter:none "$classes" >"$deps"

python3 - "$root" "$deps" <<'PY'
import re
import sys
from collections import defaultdict, deque

root, path = sys.argv[1], sys.argv[2]
line_re = re.compile(r"^\s+(\S+)\s+->\s+(\S+)\s")


def ours(name):
    return name == root or name.startswith(root + ".")


def package(cls):
    return cls.rsplit(".", 1)[0] if "." in cls else ""


def top_level(cls):
    return cls.split("$", 1)[0]


pkg_edges = defaultdict(set)                  # package -> packages it refers to
why = defaultdict(list)                        # (p, q) -> [(class, class)]
cls_edges = defaultdict(lambda: defaultdict(set))  # package -> top-level class -> classes
packages = set()
with open(path, encoding="utf-8") as f:
    for line in f:
        m = line_re.match(line)
        if not m:
            continue
        src, dst = m.group(1), m.group(2)
        if not ours(src) or not ours(dst):
            continue
        p, q = package(src), package(dst)
        if not ours(p) or not ours(q):
            continue
        packages.update((p, q))
        if p != q:
            pkg_edges[p].add(q)
            why[(p, q)].append((src, dst))
        else:
            a, b = top_level(src), top_level(dst)
            if a != b:
                cls_edges[p][a].add(b)


def tarjan(nodes, edges):
    """Strongly connected components (iterative Tarjan), each a sorted list."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = 0
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    result.append(sorted(component))
    return result


def shortest_cycle(component, edges):
    """A shortest cycle through the component's first node, as a list of nodes."""
    members = set(component)
    start = component[0]
    previous = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(edges.get(node, ())):
            if child not in members:
                continue
            if child == start:
                cycle = [node]
                while previous[cycle[-1]] is not None:
                    cycle.append(previous[cycle[-1]])
                return list(reversed(cycle)) + [start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    return component


def short(name):
    return name[len(root) + 1:] if name.startswith(root + ".") else name


failed = False
package_sccs = tarjan(packages, pkg_edges)
for component in package_sccs:
    failed = True
    members = set(component)
    cycle = shortest_cycle(component, pkg_edges)
    print(f"PACKAGE CYCLE among {len(component)} packages: {', '.join(component)}")
    print(f"  for example: {' -> '.join(cycle)}")
    print("  references between these packages (class -> class):")
    for p in component:
        for q in sorted(pkg_edges[p] & members):
            refs = sorted(set(why[(p, q)]))
            print(f"    {p} -> {q} ({len(refs)}):")
            for src, dst in refs:
                print(f"      {short(src)} -> {short(dst)}")

class_cycles = 0
for p in sorted(cls_edges):
    for component in tarjan(set(cls_edges[p]) | {b for s in cls_edges[p].values() for b in s}, cls_edges[p]):
        class_cycles += 1
        failed = True
        cycle = shortest_cycle(component, cls_edges[p])
        print(f"CLASS CYCLE in {p} ({len(component)} classes): "
              f"{' -> '.join(c.rsplit('.', 1)[1] for c in cycle)}"
              + (f" (component: {', '.join(c.rsplit('.', 1)[1] for c in component)})" if len(component) > len(cycle) - 1 else ""))

edges = sum(len(v) for v in pkg_edges.values())
print(f"check-cycles: {len(packages)} packages under {root}, {edges} package dependencies, "
      f"{len(package_sccs)} package cycle(s), {class_cycles} class cycle(s) inside packages")
sys.exit(1 if failed else 0)
PY
