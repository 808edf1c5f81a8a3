"""The embedding backends: ONNX gives torch's vectors, int8 is close, and misuse is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from dealqa import InputError
from dealqa.embedding import Embedder, resolve_model_path

TEXTS = [
    "Where is Colossus 1?",
    "SpaceX signed a deal on May 6, 2026, to lease its Colossus 1 artificial-intelligence data center to Anthropic.",
    "x",
    "A much longer passage " * 30,
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.mark.slow
def test_onnx_vectors_equal_torch_vectors_in_padded_batches(cache: Path) -> None:
    onnx, torch = Embedder(backend="onnx", cache_dir=cache), Embedder(backend="torch")
    ours, reference = onnx.encode(TEXTS), torch.encode(TEXTS)
    assert ours.shape == reference.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * reference).sum(axis=1).min() > 0.9999
    assert onnx.token_counts(TEXTS) == torch.token_counts(TEXTS)
    assert (onnx.max_tokens, onnx.dimension) == (torch.max_tokens, torch.dimension) == (256, 384)


@pytest.mark.slow
def test_the_export_is_made_once_and_reused(cache: Path) -> None:
    Embedder(backend="onnx", cache_dir=cache).encode(["warm"])
    exported = sorted(cache.glob("*.onnx"))
    stamps = [p.stat().st_mtime_ns for p in exported]
    Embedder(backend="onnx", batch_size=8, cache_dir=cache).encode(["again"])  # another model instance
    assert sorted(cache.glob("*.onnx")) == exported
    assert [p.stat().st_mtime_ns for p in exported] == stamps


def test_int8_vectors_are_close_but_not_equal() -> None:
    # (in the cache the rest of the suite uses: its exports are made once a machine)
    int8 = Embedder(backend="onnx-int8").encode(TEXTS)
    fp32 = Embedder(backend="onnx").encode(TEXTS)
    similarity = (int8 * fp32).sum(axis=1)
    assert similarity.min() > 0.85
    assert similarity.min() < 0.9999


def test_the_model_vocabulary_tells_words_from_typos() -> None:
    embedder = Embedder(backend="onnx")
    assert embedder.knows_word("report") and embedder.knows_word("city")
    assert not embedder.knows_word("reportd") and not embedder.knows_word("frist")


def test_a_model_that_is_not_mean_pooled_is_refused_by_the_onnx_backend(tmp_path: Path, cache: Path) -> None:
    model = tmp_path / "cls-model"
    shutil.copytree(resolve_model_path("all-MiniLM-L6-v2"), model)
    config = model / "1_Pooling" / "config.json"
    config.write_text(json.dumps({**json.loads(config.read_text()), "pooling_mode_mean_tokens": False}))
    with pytest.raises(InputError, match="DEALQA_EMBEDDING_BACKEND=torch"):
        Embedder(str(model), backend="onnx", cache_dir=cache).encode(["hello"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"backend": "tensorflow"}, "onnx, onnx-int8 or torch"), ({"model": " "}, "empty"), ({"batch_size": 0}, "1")],
)
def test_bad_settings_are_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        Embedder(**kwargs)  # type: ignore[arg-type]
