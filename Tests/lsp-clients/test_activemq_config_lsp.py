"""The language server under real clients' captured capabilities (pytest-lsp 1.0.1, on pygls):
neovim 0.7.0 and VS Code 1.65.2. Run by Scripts/test-lsp-clients with
-W error::pytest_lsp.LspSpecificationWarning, so that a reply a client would reject fails the test.

ACTIVEMQ_CONFIG names the binary (default: .build/debug/activemq-config).
"""
import os
import pathlib
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ACTIVEMQ_CONFIG", str(ROOT / ".build" / "debug" / "activemq-config"))
ZERO = None  # the column of networkTTL's "0", below
TEXT = """<broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">
  <networkConnectors>
    <networkConnector name="a" userName="u" uri="static:(tcp://peer:61616)" networkTTL="0"/>
  </networkConnectors>
</broker>
"""
ZERO = TEXT.splitlines()[2].index('networkTTL="0"') + len('networkTTL="')


@pytest_lsp.fixture(
    params=["neovim@v0.7.0", "visual-studio-code@v1.65.2"],
    config=ClientServerConfig(server_command=[BINARY, "lsp"]),
)
async def client(request, lsp_client: LanguageClient):
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        initialization_options={"debounce": 0},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def uri(tmp_path, name="broker.xml"):
    return (tmp_path / name).as_uri()


async def open_document(client, document, text=TEXT):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=document, language_id="xml", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


@pytest.mark.asyncio
async def test_diagnostics(client: LanguageClient, tmp_path):
    document = uri(tmp_path)
    await open_document(client, document)
    diagnostics = client.diagnostics[document]
    assert [d.code for d in diagnostics] == ["zero-ttl"]
    line = TEXT.splitlines()[2]
    assert diagnostics[0].range.start == types.Position(line=2, character=line.index("networkTTL"))
    assert diagnostics[0].code_description.href.endswith("/Docs/rules/zero-ttl.md")


@pytest.mark.asyncio
async def test_incremental_change_and_close(client: LanguageClient, tmp_path):
    document = uri(tmp_path)
    await open_document(client, document)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=document, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=2, character=ZERO), end=types.Position(line=2, character=ZERO + 1)),
                    text="2",
                )
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[document]) == []


@pytest.mark.asyncio
async def test_completion(client: LanguageClient, tmp_path):
    document = uri(tmp_path)
    text = TEXT.replace('networkTTL="0"', 'networkTTL="0" ')
    await open_document(client, document, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=document),
            position=types.Position(line=2, character=text.splitlines()[2].index('networkTTL="0" ') + len('networkTTL="0" ')),
        )
    )
    labels = [item.label for item in (result.items if hasattr(result, "items") else result)]
    assert "duplex" in labels and "networkTTL" not in labels


@pytest.mark.asyncio
async def test_fix_all(client: LanguageClient, tmp_path):
    document = uri(tmp_path)
    text = TEXT.replace('uri="static:(tcp://peer:61616)"', 'uri="static:(tcp://peer:61616, tcp://other:61616)"').replace(' networkTTL="0"', "")
    await open_document(client, document, text)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=document),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert actions and actions[0].kind == "source.fixAll.activemq-config"


@pytest.mark.asyncio
async def test_document_symbols(client: LanguageClient, tmp_path):
    document = uri(tmp_path)
    await open_document(client, document)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=document))
    )
    names = []
    for symbol in symbols:
        names.append(symbol.name)
        names += [child.name for child in (getattr(symbol, "children", None) or [])]
    assert names == ["b", "a"]
