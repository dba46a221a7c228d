#!/usr/bin/env python3
"""How few carers per client a week's rotas allow, ignoring travel (issue 14's analysis).

An integer program over a carehub.problem/1 file, solved by scipy's HiGHS (Debian:
python3-scipy, 1.9 or later). It places at least ASSIGNED visits, any of them (a double-up needs
that many different carers), each by carers whose skills, gender, exclusions, hub and shifts allow
it (a start in the window, allowed lateness included, and the end inside one shift). Each carer
stays within their weekly cap, and for every interval from one visit's earliest start to another's
latest end (at most 14 hours) the summed durations of that carer's visits that must lie inside it
fit in it. Travel and the order of visits are left out, so the teams found need not be rounds a
carer can work. It minimises distinct client-carer pairs; "per client" divides by every client of
the problem. The solver's bound is a lower bound for this relaxed question (at least ASSIGNED
visits, any of them), not for the visits of a particular roster. Not part of any test: an
analysis behind BENCHMARKS.md.

  scripts/continuity-bound.py PROBLEM ASSIGNED SECONDS [TEAMS.json]

TEAMS.json, if given, maps each placed visit id to its carers (for a warm start's
previous_carers). Prints the pairs found and the solver's bound.
"""
import collections
import json
import sys
import time
from datetime import datetime

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix


def minutes(stamp):
    return int(datetime.fromisoformat(stamp).timestamp() // 60)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    problem = json.load(open(sys.argv[1]))
    assigned, seconds = int(sys.argv[2]), float(sys.argv[3])
    carers = {c["id"]: c for c in problem["carers"]}
    clients = {c["id"]: c for c in problem["clients"]}
    visits = problem["visits"]

    def latest(v):
        return minutes(v["window_end"]) + v.get("late_allowed_minutes", 0)

    def allowed(v, c):
        client = clients[v["client"]]
        if not set(v.get("skills", [])) <= set(c.get("skills", [])):
            return False
        if client.get("gender_preference") and c.get("gender") != client["gender_preference"]:
            return False
        if c["id"] in client.get("excluded_carers", []):
            return False
        if c["hub"] != client["hub"] and client["hub"] not in c.get("lendable_to", []):
            return False
        lo, hi, d = minutes(v["window_start"]), latest(v), v["duration_minutes"]
        return any(
            max(minutes(s["start"]), lo) <= hi and max(minutes(s["start"]), lo) + d <= minutes(s["end"])
            for s in c.get("shifts", []))

    # Variables: x (visit, carer) placements, then y (client, carer) pairs, then z (visit placed).
    xs = [(i, k) for i, v in enumerate(visits) for k in carers if allowed(v, carers[k])]
    pairs = {p: n for n, p in enumerate(sorted({(visits[i]["client"], k) for i, k in xs}))}
    nx, ny, nz = len(xs), len(pairs), len(visits)
    rows, cols, data, lower, upper = [], [], [], [], []

    def constrain(terms, lo, hi):
        for col, a in terms:
            rows.append(len(lower))
            cols.append(col)
            data.append(a)
        lower.append(lo)
        upper.append(hi)

    by_visit = collections.defaultdict(list)
    by_carer = collections.defaultdict(list)
    for j, (i, k) in enumerate(xs):
        by_visit[i].append(j)
        by_carer[k].append(j)
    for i, v in enumerate(visits):
        constrain([(j, 1) for j in by_visit[i]] + [(nx + ny + i, -v.get("carers", 1))], 0, 0)
    for j, (i, k) in enumerate(xs):
        constrain([(nx + pairs[(visits[i]["client"], k)], 1), (j, -1)], 0, np.inf)
    constrain([(nx + ny + i, 1) for i in range(nz)], assigned, np.inf)
    for k, c in carers.items():
        duration = lambda j: visits[xs[j][0]]["duration_minutes"]
        constrain([(j, duration(j)) for j in by_carer[k]], 0, c["max_minutes"])
        spans = [(j, minutes(visits[xs[j][0]]["window_start"]), latest(visits[xs[j][0]]) + duration(j))
                 for j in by_carer[k]]
        # The same visits can lie inside several intervals: only the shortest one binds.
        shortest = {}
        for a in sorted({s[1] for s in spans}):
            for b in sorted({s[2] for s in spans}):
                if b <= a or b - a > 14 * 60:
                    continue
                inside = tuple(sorted(j for j, lo, hi in spans if lo >= a and hi <= b))
                if len(inside) >= 2 and sum(map(duration, inside)) > b - a:
                    shortest[inside] = min(shortest.get(inside, b - a), b - a)
        for inside, length in shortest.items():
            constrain([(j, duration(j)) for j in inside], 0, length)
    matrix = csr_matrix((data, (rows, cols)), shape=(len(lower), nx + ny + nz))
    cost = np.zeros(nx + ny + nz)
    cost[nx:nx + ny] = 1
    began = time.time()
    result = milp(cost, constraints=LinearConstraint(matrix, lower, upper), integrality=np.ones(nx + ny + nz),
                  bounds=Bounds(0, 1), options={"time_limit": seconds, "mip_rel_gap": 0.01})
    n = len(clients)
    found = result.fun if result.x is not None else float("nan")
    bound = getattr(result, "mip_dual_bound", float("nan"))
    print(f"{nx} placements, {ny} pairs, {len(lower)} rows; {result.message}")
    print(f"pairs {found:.0f} ({found / n:.2f} per client), bound {bound:.0f} ({bound / n:.2f} per client), "
          f"{time.time() - began:.0f} s")
    if result.x is not None and len(sys.argv) > 4:
        teams = collections.defaultdict(list)
        for j, (i, k) in enumerate(xs):
            if result.x[j] > 0.5:
                teams[visits[i]["id"]].append(k)
        json.dump(teams, open(sys.argv[4], "w"))


if __name__ == "__main__":
    main()
