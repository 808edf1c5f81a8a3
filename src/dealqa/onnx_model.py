"""A sentence-transformers model run with onnxruntime + tokenizers: no torch at run time.

The model is exported once with ``torch.onnx`` (optionally int8-quantized with
``onnxruntime.quantization``) into a cache directory, under a key of the model's files, and
loaded from there by every later process. Vectors are those of sentence-transformers: mean
pooling over the attention mask, then unit length (fp32 export: cosine 1.0000 to torch's).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import InputError

ONNX_BACKENDS = ("onnx", "onnx-int8")


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def _check_mean_pooling(model_dir: Path) -> None:
    """Only mean pooling is reimplemented here; any other model keeps the torch backend."""
    modules = json.loads((model_dir / "modules.json").read_text()) if (model_dir / "modules.json").exists() else []
    pooling = next((m["path"] for m in modules if str(m.get("type", "")).endswith("Pooling")), "1_Pooling")
    if not _read_json(model_dir / pooling / "config.json").get("pooling_mode_mean_tokens"):
        raise InputError(
            f"the ONNX backend supports mean-pooled sentence-transformers models; {model_dir} is not one. "
            "Set DEALQA_EMBEDDING_BACKEND=torch."
        )


def _cache_key(model_dir: Path, quantized: bool) -> str:
    files = sorted(p for p in model_dir.rglob("*") if p.is_file())
    stamp = [(str(p.relative_to(model_dir)), p.stat().st_size, int(p.stat().st_mtime)) for p in files]
    digest = hashlib.sha256(json.dumps([str(model_dir), stamp]).encode()).hexdigest()[:16]
    return f"{model_dir.name}-{digest}{'-int8' if quantized else ''}.onnx"


def _export(model_dir: Path, target: Path) -> None:
    """torch.onnx export of the transformer (the pooling is done in numpy)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir)).eval()

    class Encoder(torch.nn.Module):
        # Keyword arguments: the model's positional order differs between transformers versions.
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = torch.ones((2, 8), dtype=torch.long)
    with warnings.catch_warnings():  # tracer notes about shapes the dynamic axes cover
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Encoder(),
            (sample, sample, torch.zeros_like(sample)),
            str(target),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )


def exported_model(model_dir: Path, cache_dir: Path, *, quantized: bool) -> Path:
    """The cached ONNX file for the model, exported (and quantized) on first use."""
    target = cache_dir / _cache_key(model_dir, quantized)
    if target.exists():  # it appears by a rename, whole: no lock needed to read it
        return target
    from filelock import FileLock

    cache_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache_dir / "export.lock"), timeout=600):  # processes starting together export once
        if target.exists():
            return target
        fp32 = cache_dir / _cache_key(model_dir, False)
        if not fp32.exists():
            tmp = fp32.with_suffix(".tmp")
            try:
                _export(model_dir, tmp)
            except Exception as exc:
                raise InputError(
                    f"cannot export {model_dir} to ONNX ({exc}); set DEALQA_EMBEDDING_BACKEND=torch"
                ) from exc
            tmp.rename(fp32)
        if quantized:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            tmp = target.with_suffix(".tmp")
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
            tmp.rename(target)
    return target


class OnnxSentenceModel:
    """Encodes like ``SentenceTransformer.encode(normalize_embeddings=True)`` for a mean-pooled model.

    Example:
        >>> OnnxSentenceModel(Path(model_dir), Path("~/.cache/dealqa")).encode(["Where is Quarry Labs based?"]).shape
        (1, 384)
    """

    def __init__(self, model_dir: Path, cache_dir: Path, *, quantized: bool = False, batch_size: int = 64) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        _check_mean_pooling(model_dir)
        path = exported_model(model_dir, cache_dir, quantized=quantized)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        # Threads that wait for work sleep instead of spinning: a server answers on as many threads
        # as there are cores, and on a shared machine a spinning pool took the cores they needed
        # (one question's vector: about 3x faster without spinning on a busy 2-core machine).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        options.log_severity_level = 3
        # The session is built on a thread of its own: onnxruntime builds it without holding the GIL,
        # so it takes none of the time a cold `dealqa ask` spends meanwhile importing and loading
        # spaCy (about 0.2 s of its 2.5 s). The tokenizer, which the typo check reads first, is
        # loaded here; encode waits for the session.
        self._session: Any = None
        self._session_error: BaseException | None = None
        self._building = threading.Thread(
            target=self._build_session, args=(onnxruntime, str(path), options), name="dealqa-onnx-session"
        )
        self._building.start()
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        config = _read_json(model_dir / "sentence_bert_config.json")
        self.max_tokens = int(config.get("max_seq_length") or 256)
        self.dimension = int(_read_json(model_dir / "config.json").get("hidden_size") or 0)
        self.batch_size = batch_size

    def _build_session(self, onnxruntime: Any, path: str, options: Any) -> None:
        try:
            self._session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        except BaseException as exc:  # raised where the session is first used
            self._session_error = exc

    @property
    def session(self) -> Any:
        """The onnxruntime session (waits for the thread that builds it)."""
        if self._session is None:
            self._building.join()
            if self._session_error is not None:
                raise self._session_error
        return self._session

    def knows_word(self, word: str) -> bool:
        return self.tokenizer.token_to_id(word) is not None

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts))]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        # Like sentence-transformers, a text over the window is cut to it; ingest checks chunks first.
        encodings = [e.ids[: self.max_tokens] for e in self.tokenizer.encode_batch(list(texts))]
        # Length-sorted batches: padding costs compute, and similar lengths need little of it.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i]))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for lo in range(0, len(order), self.batch_size):
            rows = order[lo : lo + self.batch_size]
            width = max(len(encodings[i]) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                ids[r, : len(encodings[i])] = encodings[i]
                mask[r, : len(encodings[i])] = 1
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[rows] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out
