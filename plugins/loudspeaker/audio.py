"""The script as an MP3 the commune's loudspeaker system plays: Debian's espeak-ng Vietnamese voice, encoded
by LAME (mono, 32 kbit/s: a minute is about 240 KB, and every player and phone plays MP3, which Opus in
older iPhones does not).

Both programs are optional: without them the build warns once and the page offers the script and the
printed sheet only. The same text with the same voice and programs gives the same bytes, kept between
builds in the cache folder by that digest, so a daily build synthesises only what changed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from plugins.disclosures import store

VOICES = {"vi": "miền Bắc", "vi-vn-x-central": "miền Trung", "vi-vn-x-south": "miền Nam"}  # espeak-ng's names
PROGRAMS = ("espeak-ng", "lame")
TIMEOUT_SECONDS = 120  # a script is a few minutes of speech; synthesis takes well under a second


class AudioError(RuntimeError):
    """A program failed on a script: the build goes on without that file."""


@dataclass(frozen=True)
class Voice:
    name: str = "vi"
    words_per_minute: int = 140  # a little slower than espeak's 175: loudspeakers echo across fields


def available() -> bool:
    return all(shutil.which(program) for program in PROGRAMS)


@cache
def _versions() -> str:
    """Part of every audio digest: a new espeak-ng may say the same text differently."""
    return "".join(subprocess.run([program, "--version"], capture_output=True, timeout=30).stdout.decode(errors="replace")
                   for program in PROGRAMS)


def synthesize(text: str, voice: Voice) -> bytes:
    """MP3 bytes of `text` (one sentence a line). The text goes through stdin, never the command line."""
    try:
        wav = subprocess.run(["espeak-ng", "-v", voice.name, "-s", str(voice.words_per_minute), "--stdin", "--stdout"],
                             input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS, check=True).stdout
        return subprocess.run(["lame", "--quiet", "-m", "m", "-b", "32", "-", "-"], input=wav, capture_output=True,
                              timeout=TIMEOUT_SECONDS, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise AudioError(str(exc)) from exc


class AudioCache:
    """MP3s kept between runs in the store's "loa" part, by the digest of what they say and how. Each file starts with the SHA-256 of
    the audio after it: a damaged or truncated file is made again, never published."""

    def __init__(self, cache_folder: Path | None) -> None:
        self.folder = cache_folder

    def get(self, text: str, voice: Voice) -> bytes:
        path = store.entry(self.folder, "loa", text, voice.name, str(voice.words_per_minute), _versions(),
                           suffix=".mp3")
        kept = store.read(path)
        if kept is not None and hashlib.sha256(kept[32:]).digest() == kept[:32]:
            return kept[32:]
        audio = synthesize(text, voice)
        store.write(path, hashlib.sha256(audio).digest() + audio)
        return audio
