"""st.audio and st.video: players with the sound or film in a data URL, or the address given."""

from __future__ import annotations

import base64
import io
import re
import wave
from pathlib import Path

from outputs_support import bundles, data_url_bytes

from jupyter_fragments.testing import KernelSession


def test_numpy_audio_becomes_a_wav_file(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app tone
import numpy as np
import jupyter_fragments as st
t = np.linspace(0, 1, 8000, endpoint=False)
st.audio(0.2 * np.sin(2 * np.pi * 440 * t), sample_rate=8000)
st.audio(np.vstack([np.sin(2 * np.pi * 440 * t), np.zeros_like(t)]), sample_rate=8000,
         loop=True, autoplay=True, start_time=0.5, end_time="1s")
"""
    )
    app = app_session.app("tone")
    assert app.exceptions == []
    mono, stereo = (b["text/html"] for b in bundles(app_session, "audio"))
    with wave.open(io.BytesIO(data_url_bytes(mono))) as sound:
        assert (sound.getnchannels(), sound.getframerate(), sound.getnframes()) == (1, 8000, 8000)
        samples = sound.readframes(8000)
    # scaled so that the loudest sample is full scale, as Streamlit does
    peak = max(
        abs(int.from_bytes(samples[i : i + 2], "little", signed=True)) for i in range(0, 16000, 2)
    )
    assert peak == 32767
    with wave.open(io.BytesIO(data_url_bytes(stereo))) as sound:
        assert (sound.getnchannels(), sound.getnframes()) == (2, 8000)
    assert mono.startswith("<audio controls ") and "loop" not in mono
    assert " loop" in stereo and " autoplay" in stereo
    assert re.search(r'src="data:audio/wav;base64,[^"]+#t=0,1"', stereo)  # whole seconds


def test_audio_from_bytes_files_and_urls(app_session: KernelSession, tmp_path: Path) -> None:
    sound = tmp_path / "beep.mp3"
    sound.write_bytes(b"ID3\x03\x00fake mp3")
    app_session.run_cell(
        f"""%%app sounds
import io, datetime
import jupyter_fragments as st
st.audio(b"ID3\\x03\\x00fake mp3")
st.audio(io.BytesIO(b"OggS fake"), format="audio/ogg", width=300)
st.audio({str(sound)!r}, start_time=datetime.timedelta(minutes=1, seconds=14))
st.audio("https://example.com/song.mp3", end_time=30, alt="A song")
"""
    )
    app = app_session.app("sounds")
    assert app.exceptions == []
    raw, buffer, path, url = (b["text/html"] for b in bundles(app_session, "audio"))
    assert 'src="data:audio/mpeg;base64,' in raw  # the bytes say what they are
    assert data_url_bytes(raw) == b"ID3\x03\x00fake mp3"
    assert 'src="data:audio/ogg;base64,' in buffer and "width:300px" in buffer
    assert data_url_bytes(path) == b"ID3\x03\x00fake mp3" and "#t=74" in path
    assert 'src="https://example.com/song.mp3#t=0,30"' in url and 'aria-label="A song"' in url


def test_audio_mistakes_say_how_to_fix_them(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app bad
import numpy as np
import jupyter_fragments as st
for call in (
    lambda: st.audio(np.zeros(10)),
    lambda: st.audio(np.zeros((2, 2, 2)), sample_rate=8000),
    lambda: st.audio(b"RIFF", start_time="soon"),
    lambda: st.audio("no/such/file.wav"),
    lambda: st.audio("javascript:alert(1)"),
):
    try:
        call()
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    text = app_session.app("bad").text
    assert "without sample_rate. Fix: pass sample_rate=" in text
    assert "got a 3-D array. Fix:" in text
    assert "start_time='soon'. Fix:" in text
    assert "could not find the file 'no/such/file.wav'" in text
    assert "could not find the file 'javascript:alert(1)'" in text  # never a URL


def test_video_files_subtitles_and_flags(app_session: KernelSession, tmp_path: Path) -> None:
    film = tmp_path / "clip.mp4"
    film.write_bytes(b"\x00\x00\x00\x18ftypmp42fake")
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello <b>there</b>\n", encoding="utf-8")
    app_session.run_cell(
        f"""%%app films
import jupyter_fragments as st
st.video({str(film)!r}, subtitles={str(srt)!r}, autoplay=True, muted=True, loop=True)
tracks = {{
    "English": "WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHi",
    "Deutsch": b"WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHallo",
}}
st.video(b"\\x1a\\x45\\xdf\\xa3 webm", subtitles=tracks, start_time=3)
"""
    )
    app = app_session.app("films")
    assert app.exceptions == []
    first, second = (b["text/html"] for b in bundles(app_session, "video"))
    assert first.startswith("<video controls loop autoplay muted ")
    assert data_url_bytes(first) == b"\x00\x00\x00\x18ftypmp42fake"
    assert 'src="data:video/mp4;base64,' in first
    track = re.search(
        r'<track kind="subtitles" label="default" src="data:text/vtt;base64,([^"]+)" default>',
        first,
    )
    assert track is not None
    vtt = base64.b64decode(track.group(1)).decode()
    assert vtt.startswith("WEBVTT\n\n") and "00:00:01.000 --> 00:00:02.500" in vtt
    assert 'src="data:video/webm;base64,' in second and "#t=3" in second
    labels = re.findall(r'<track kind="subtitles" label="([^"]+)"', second)
    assert labels == ["English", "Deutsch"]


def test_youtube_links_become_an_embedded_player(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app tube
import jupyter_fragments as st
st.video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", start_time=10, muted=True, autoplay=True)
st.video("https://youtu.be/dQw4w9WgXcQ", width=320)
"""
    )
    watch, short = (b["text/html"] for b in bundles(app_session, "video"))
    assert (
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=10&amp;autoplay=1&amp;mute=1"'
        in watch
    )
    assert 'src="https://www.youtube.com/embed/dQw4w9WgXcQ?"' in short and "width:320px" in short
