"""
Steppe from Python, notebook style: pandas and networkx over the GraphQL API and over
an export (GraphML and CSV), with nothing but the public HTTP interface.

    pip install pandas networkx requests
    python examples/python/steppe_example.py --api http://localhost:4000 --id kassym-jomart-tokayev

Each step prints what it found; the script exits non-zero if the API and the exports
disagree, so it doubles as a check (the API's test suite runs it against a test stack).
"""

import argparse
import io
import sys
import zipfile

import networkx as nx
import pandas as pd
import requests


def graphql(api, query, variables=None):
    """One GraphQL request; raises with the API's coded errors if there are any."""
    response = requests.post(
        f"{api}/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"accept": "application/graphql-response+json"},
        timeout=60,
    )
    body = response.json()
    if body.get("errors"):
        codes = ", ".join(f"{e.get('extensions', {}).get('code')}: {e['message']}" for e in body["errors"])
        raise RuntimeError(f"GraphQL errors ({response.status_code}): {codes}")
    return body["data"]


def relations_of(api, entity_id, page_size=100):
    """Every relation involving the entity, page by page (cursor paging), as a DataFrame."""
    rows, after = [], None
    query = """
      query Relations($where: RelationWhere, $first: Int, $after: String) {
        relations(where: $where, orderBy: {field: DATE}, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id type label date startDate endDate sourceCount contested confidence
                         from { id name kind } to { id name kind } } }
        }
      }"""
    while True:
        data = graphql(api, query, {"where": {"involving": entity_id}, "first": page_size, "after": after})["relations"]
        for edge in data["edges"]:
            n = edge["node"]
            rows.append({
                "id": n["id"], "type": n["type"], "label": n["label"],
                "when": n["date"] or n["startDate"], "sources": n["sourceCount"],
                "contested": n["contested"], "confidence": n["confidence"],
                "from": n["from"]["id"], "to": n["to"]["id"],
                "from_name": n["from"]["name"], "to_name": n["to"]["name"],
            })
        if not data["pageInfo"]["hasNextPage"]:
            return pd.DataFrame(rows), data["totalCount"]
        after = data["pageInfo"]["endCursor"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--api", default="http://localhost:4000", help="the API's base URL")
    parser.add_argument("--id", default="kassym-jomart-tokayev", help="an entity id to start from")
    args = parser.parse_args()
    api = args.api.rstrip("/")
    problems = []

    # 1. A dashboard's counts in one request: relations by family and by month, entities by kind.
    counts = graphql(api, """{
      relationAggregate { count byFamily { key count } byMonth { key count } }
      entityAggregate { count byKind { key count } }
    }""")
    families = pd.DataFrame(counts["relationAggregate"]["byFamily"]).set_index("key")["count"]
    kinds = pd.DataFrame(counts["entityAggregate"]["byKind"]).set_index("key")["count"]
    print(f"graph: {counts['entityAggregate']['count']} entities, {counts['relationAggregate']['count']} relations")
    print("relations by family:", families.to_dict())
    print("entities by kind:", kinds.to_dict())
    if families.sum() != counts["relationAggregate"]["count"]:
        problems.append("relations by family do not add up to the relation count")

    # 2. Every relation of one entity, paged, into pandas: who appears most, which types.
    frame, total = relations_of(api, args.id)
    print(f"{args.id}: {total} relations; by type:", frame["type"].value_counts().to_dict())
    if len(frame) != total or frame["id"].duplicated().any():
        problems.append(f"paging returned {len(frame)} relations ({frame['id'].duplicated().sum()} twice) for a total of {total}")

    # 3. A neighbourhood as a networkx graph, from the API.
    sub = graphql(api, """query N($ids: [ID!]!) {
      neighbourhood(ids: $ids, depth: 1, limit: 500) { nodes { id name kind } edges { id type from { id } to { id } } omittedNodes }
    }""", {"ids": [args.id]})["neighbourhood"]
    g = nx.MultiDiGraph()
    for n in sub["nodes"]:
        g.add_node(n["id"], name=n["name"], kind=n["kind"])
    for e in sub["edges"]:
        g.add_edge(e["from"]["id"], e["to"]["id"], key=e["id"], type=e["type"])
    central = sorted(nx.degree_centrality(g).items(), key=lambda kv: -kv[1])[:5]
    print(f"neighbourhood from the API: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; most central:", [k for k, _ in central])

    # 4. The same neighbourhood as GraphML from /export, read by networkx.
    graphml = requests.get(f"{api}/export", params={"format": "graphml", "ids": args.id, "depth": 1, "limit": 500}, timeout=120)
    graphml.raise_for_status()
    h = nx.read_graphml(io.BytesIO(graphml.content))
    print(f"neighbourhood from GraphML: {h.number_of_nodes()} nodes, {h.number_of_edges()} edges")
    if set(h.nodes) != set(g.nodes):
        problems.append(f"GraphML nodes differ from the API's: {sorted(set(h.nodes) ^ set(g.nodes))[:5]}")
    if h.number_of_edges() != g.number_of_edges():
        problems.append(f"GraphML has {h.number_of_edges()} edges, the API {g.number_of_edges()}")

    # 5. And as CSV (a zip of nodes, edges, evidence, sources) into pandas.
    csv = requests.get(f"{api}/export", params={"format": "csv", "ids": args.id, "depth": 1, "limit": 500}, timeout=120)
    csv.raise_for_status()
    with zipfile.ZipFile(io.BytesIO(csv.content)) as archive:
        nodes = pd.read_csv(archive.open("nodes.csv"))
        edges = pd.read_csv(archive.open("edges.csv"))
        evidence = pd.read_csv(archive.open("evidence.csv"))
    print(f"neighbourhood from CSV: {len(nodes)} nodes, {len(edges)} edges, {len(evidence)} quotes")
    if len(nodes) != g.number_of_nodes() or len(edges) != g.number_of_edges():
        problems.append(f"CSV has {len(nodes)} nodes and {len(edges)} edges, the API {g.number_of_nodes()} and {g.number_of_edges()}")

    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
