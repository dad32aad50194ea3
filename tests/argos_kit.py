"""Tiny but real Argos Translate packages, built by the tests themselves (no download).

A package is a zip with one top folder holding ``metadata.json``, a CTranslate2 ``model/``
and ``sentencepiece.model``, exactly like the packages on argospm. The model is a
one-layer Transformer whose weights are set by hand (numpy, no torch):

- embeddings hold a random +-1 code per piece (``tok``) and, from the position encodings,
  a code per position (``pos``, sums of cosines peaked at zero distance);
- the decoder's cross-attention queries its own position and keys the source positions,
  so at step t it reads the source piece at position t and copies its code (``cpy``);
- the output projection scores target pieces against the copied code through a
  permutation of the vocabulary: the identity, except the pairs of ``mapping`` swapped.

So the model "echoes" its input, word for word, except mapped pieces ("Bonjour" ->
"Hello"); the source gets ``</s>`` appended by the model's own config, which the decoder
copies at the end and stops. Every vector is written as [v, -v] so its mean is zero and
the layer norms only rescale it, which changes no argmax. Builds in about 0.1 s.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sentencepiece as spm
from ctranslate2.specs import transformer_spec as ts

#: Whole words that always get their own piece, so tests can map them.
WORDS = (
    "Bonjour", "Hello", "Hola", "Merci", "Thanks", "Gracias", "CPAS", "PCSW",
    "Namur", "Mots", "Words", "ZX",
)

_FILLER = (
    "le la les un une des vous nous il elle est sont a ont pour avec dans sur par de du au "
    "et ou mais ce cette mon son personne aide argent centre rendez-vous travail logement "
    "école enfant famille papier demande droit français cours commune social avez pouvez "
    "the of and to in is you we help money school work house child family paper"
).split()
_EXTRA = " é è ê à â ç ô î ù û ë ï É À Ç ’ « » @ : / - . , ? ! ; ( ) 0 1 2 3 4 5 6 7 8 9 + % €"


def train_sentencepiece(
    words: tuple[str, ...] = WORDS, corpus: tuple[str, ...] = (), vocab_size: int = 400
) -> bytes:
    """A SentencePiece model (byte fallback: any text encodes) as bytes.

    Trained on a few hundred made-up sentences, plus ``corpus`` when given (the
    benchmark passes real segments so pieces are as long as in a real model).
    """
    rng = random.Random(0)
    vocab = [*_FILLER, *words]
    sentences = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 10))) + _EXTRA
        for _ in range(300)
    ] + list(corpus)
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        user_defined_symbols=list(words),
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return buffer.getvalue()


_SP_CACHE: dict[tuple[str, ...], bytes] = {}


def sentencepiece_model(words: tuple[str, ...] = WORDS) -> bytes:
    """The SentencePiece model, trained once per session."""
    if words not in _SP_CACHE:
        _SP_CACHE[words] = train_sentencepiece(words)
    return _SP_CACHE[words]


def build_model(
    folder: Path,
    sp_model: bytes,
    mapping: dict[str, str] | None = None,
    *,
    dims: int = 64,
    freqs: int = 32,
    max_len: int = 512,
    layers: int = 1,
    ffn: int = 4,
    quantization: str | None = None,
) -> None:
    """Write an echo CTranslate2 model into ``folder``; ``mapping`` swaps whole pieces.

    ``layers`` and ``ffn`` only add work (extra layers add nothing to the residual): the
    benchmark uses them to cost as much as a real Argos model (6 layers, FFN 2048).
    """
    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    size = sp.get_piece_size()
    vocab = [sp.id_to_piece(i) for i in range(size)]
    rng = np.random.default_rng(0)
    codes = rng.choice([-1.0, 1.0], size=(size, dims)).astype(np.float32)
    angles = np.arange(max_len)[:, None] * rng.uniform(0.3, np.pi, size=freqs)[None, :]
    pos = np.concatenate([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)
    tok, posi, cpy = 0, 2 * dims, 2 * dims + 4 * freqs
    d = 2 * dims + 4 * freqs + 2 * dims

    emb = np.zeros((size, d), np.float32)
    emb[:, tok : tok + dims], emb[:, tok + dims : tok + 2 * dims] = codes, -codes
    enc_pos = np.zeros((max_len, d), np.float32)
    enc_pos[:, posi : posi + 2 * freqs] = pos
    enc_pos[:, posi + 2 * freqs : posi + 4 * freqs] = -pos

    def norm(layer: object) -> None:
        layer.gamma = np.ones(d, np.float32)  # type: ignore[attr-defined]
        layer.beta = np.zeros(d, np.float32)  # type: ignore[attr-defined]

    def linear(layer: object, weight: np.ndarray) -> None:
        layer.weight = weight  # type: ignore[attr-defined]
        layer.bias = np.zeros(weight.shape[0], np.float32)  # type: ignore[attr-defined]

    encoder = ts.TransformerEncoderSpec(layers, 1, pre_norm=True)
    decoder = ts.TransformerDecoderSpec(layers, 1, pre_norm=True)
    for side in (encoder, decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = enc_pos
        norm(side.layer_norm)
    encoder.embeddings[0].weight = emb
    decoder.embeddings.weight = emb
    for layer in (*encoder.layer, *decoder.layer):
        # Self-attention and feed-forward add nothing: zero weights.
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], np.zeros((3 * d, d), np.float32))
        linear(layer.self_attention.linear[1], np.zeros((d, d), np.float32))
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, np.zeros((ffn, d), np.float32))
        linear(layer.ffn.linear_1, np.zeros((d, ffn), np.float32))
    for layer in decoder.layer[1:]:
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], np.zeros((d, d), np.float32))
        linear(layer.attention.linear[1], np.zeros((2 * d, d), np.float32))
        linear(layer.attention.linear[2], np.zeros((d, d), np.float32))
    cross = decoder.layer[0].attention
    norm(cross.layer_norm)
    span = np.arange(2 * freqs)
    query = np.zeros((d, d), np.float32)
    query[span, posi + span] = 4.0  # sharp: the gap to other positions is ~20 * 4
    key_value = np.zeros((2 * d, d), np.float32)
    key_value[span, posi + span] = 1.0
    key_value[d + np.arange(dims), tok + np.arange(dims)] = 1.0
    out = np.zeros((d, d), np.float32)
    out[cpy + np.arange(dims), np.arange(dims)] = 1.0
    out[cpy + dims + np.arange(dims), np.arange(dims)] = -1.0
    linear(cross.linear[0], query)
    linear(cross.linear[1], key_value)
    linear(cross.linear[2], out)

    target = list(range(size))
    for src, dst in (mapping or {}).items():
        a, b = sp.piece_to_id(src), sp.piece_to_id(dst)
        if sp.id_to_piece(a) != src or sp.id_to_piece(b) != dst:
            raise ValueError(f"{src!r} or {dst!r} is not a whole piece of the model")
        target[a], target[b] = b, a
    projection = np.zeros((size, d), np.float32)
    for source_id in range(size):
        projection[target[source_id], cpy : cpy + dims] = codes[source_id]
    linear(decoder.projection, projection)

    spec = ts.TransformerSpec(encoder, decoder)
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=quantization)  # real Argos packages are int8
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))


def build_package(
    out: Path,
    from_code: str,
    to_code: str,
    mapping: dict[str, str] | None = None,
    *,
    version: str = "1.0",
    words: tuple[str, ...] = WORDS,
    sp_model: bytes | None = None,
    **size: Any,
) -> Path:
    """Write ``translate-<from>_<to>-<version>.argosmodel`` into ``out``; return its path."""
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    sp_model = sp_model or sentencepiece_model(words)
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": from_code.upper(),
        "to_code": to_code,
        "to_name": to_code.upper(),
        "type": "translate",
        "links": [],
    }
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        build_model(model_dir, sp_model, mapping, **size)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{name}/sentencepiece.model", sp_model)
            zf.writestr(f"{name}/README.md", "Echo model built by cai-falc's tests.\n")
            for file in sorted(model_dir.iterdir()):
                zf.write(file, f"{name}/model/{file.name}")
    return path


# ------------------------------------------------------------------------ fixtures
# Import these names into a test module to use them as fixtures.

#: The packages the tests install: fr->en and en->es map greetings; fr->nl breaks the
#: placeholders ("ZX" -> "Words") and swaps the digits 7 and 8, to test damage checks.
PACKAGES = {
    "fr_en": ("fr", "en", {"Bonjour": "Hello", "Merci": "Thanks", "Mots": "Words"}),
    "en_es": ("en", "es", {"Hello": "Hola", "Thanks": "Gracias"}),
    "fr_nl": ("fr", "nl", {"ZX": "Words", "7": "8"}),
}


@pytest.fixture(scope="session")
def argos_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test packages as .argosmodel files, built once per session."""
    out = tmp_path_factory.mktemp("argosmodels")
    return {
        key: build_package(out, src, dst, mapping) for key, (src, dst, mapping) in PACKAGES.items()
    }


@pytest.fixture
def argos_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Argos folders in tmp (packages, XDG data/config/cache); return the packages folder."""
    packages = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    # No network: an index that refuses connections at once.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return packages
