"""The MCP server with the official SDK's client, over stdio and over streamable HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import Client, StdioServerParameters

from tests.conftest import CORPUS, LiveServer

pytestmark = pytest.mark.slow  # MCP servers over stdio and HTTP


async def _exercise(client: Client) -> dict[str, Any]:
    tools = {t.name: t for t in (await client.list_tools()).tools}
    date = await client.call_tool("ask", {"question": "When was the deal signed?"})
    place = await client.call_tool("ask", {"question": "Where is Colossus 1 located?"})
    listed = await client.call_tool("list_articles", {})
    search = await client.call_tool("search", {"query": "Decrypt", "k": 2})
    bad = await client.call_tool("ask", {"question": ""})
    bad_filter = await client.call_tool("search", {"query": "Memphis", "since": "yesterday"})
    dated = await client.call_tool("ask", {"question": "Where is Colossus 1 located?", "since": "2026-01-01"})
    resource = await client.read_resource("dealqa://articles/spacex-leases-colossus-1")
    return {
        "tools": tools,
        "date": date.structured_content,
        "place": place.structured_content,
        "listed": listed.structured_content,
        "search": search.structured_content,
        "bad": bad,
        "bad_filter": bad_filter,
        "dated": dated.structured_content,
        "resource": resource.contents[0].text,  # type: ignore[union-attr]
    }


def _check(found: dict[str, Any]) -> None:
    assert set(found["tools"]) >= {"ask", "search", "list_articles"}
    schema = found["tools"]["ask"].input_schema
    assert schema["properties"]["question"]["maxLength"] == 2000
    assert "May 6, 2026" in found["date"]["text"]
    assert any("May 6, 2026" in c["quote"] for c in found["date"]["citations"])
    place = found["place"]
    assert "Memphis, Tennessee" in place["text"]
    assert place["citations"][0]["article_id"] == "spacex-leases-colossus-1"
    assert {"start", "end", "title", "quote"} <= set(place["citations"][0])
    assert len(found["listed"]["articles"]) >= 2
    assert found["search"]["hits"][0]["text"]
    assert found["bad"].is_error
    assert found["bad_filter"].is_error
    assert "since must be a date like 2026-05-06, got 'yesterday'" in found["bad_filter"].content[0].text
    # The shipped articles state no date, so a date filter leaves nothing to answer from.
    assert found["dated"]["abstained"] and not found["dated"]["citations"]
    listed = {a["id"]: a for a in found["listed"]["articles"]}
    assert listed["spacex-leases-colossus-1"]["source"] == "spacex-leases-colossus-1.md"
    assert "Memphis, Tennessee" in found["resource"]


def test_mcp_over_stdio(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    env["DEALQA_DATA_DIR"] = str(tmp_path / "data")
    params = StdioServerParameters(
        command=str(Path(sys.executable).with_name("dealqa")), args=["mcp"], env=env, cwd=str(tmp_path)
    )

    async def run() -> dict[str, Any]:
        async with Client(params, read_timeout_seconds=120) as client:
            return await _exercise(client)

    _check(asyncio.run(run()))


def test_mcp_over_http(server: LiveServer) -> None:
    async def run() -> dict[str, Any]:
        async with Client(f"{server.url}/mcp", read_timeout_seconds=120) as client:
            return await _exercise(client)

    _check(asyncio.run(run()))


@pytest.mark.parametrize("origin", ["http://evil.example"])
def test_mcp_http_refuses_foreign_origins(server: LiveServer, origin: str) -> None:
    import httpx

    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    response = httpx.post(
        f"{server.url}/mcp",
        content=json.dumps(body),
        headers={"Origin": origin, "Content-Type": "application/json", "Accept": "application/json, text/event-stream"},
    )
    assert response.status_code in (400, 403)


def test_mcp_mistakes_say_what_to_change_in_one_log_line(assistant: Any, caplog: Any) -> None:
    from dealqa.mcp_server import build_mcp

    async def run() -> list[tuple[bool, str]]:
        async with Client(build_mcp(assistant)) as client:
            said = []
            for question in ("", "   ", "\ud800 who?", "x" * 3000):
                result = await client.call_tool("ask", {"question": question})
                said.append((result.is_error, " ".join(getattr(c, "text", "") for c in result.content)))
            return said

    with caplog.at_level("INFO"):
        blank, spaces, surrogate, huge = asyncio.run(run())
    assert blank[0] and "the question is empty" in blank[1]
    assert spaces[0] and "the question is empty" in spaces[1]
    assert surrogate[0] and "unpaired surrogate" in surrogate[1]
    assert huge[0] and "the limit is 2,000" in huge[1] and "x" * 100 not in huge[1]
    assert not any("pydantic" in text for _, text in (blank, spaces, surrogate, huge))
    assert caplog.records and all(r.exc_info is None and "Traceback" not in r.getMessage() for r in caplog.records)
