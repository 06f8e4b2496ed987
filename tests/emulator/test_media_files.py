"""The emulator's PNG, GIF and MP4 bytes are real files: parse and decode them independently."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Iterator

import attrs
import pytest

from browser_use_cloud.emulator._media import CONTENT_TYPES, _lzw, gif, mp4, png

# -- PNG ---------------------------------------------------------------------------------------


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        yield kind, body
        pos += 12 + length
    assert pos == len(data)


@pytest.mark.parametrize(("width", "height"), [(1, 1), (64, 48), (333, 17)])
def test_png_structure(width: int, height: int) -> None:
    chunks = list(png_chunks(png(width, height, seed=3)))
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    w, h, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (w, h, depth, colour, compression, filtering, interlace) == (
        width,
        height,
        8,
        2,
        0,
        0,
        0,
    )
    raw = zlib.decompress(chunks[1][1])
    stride = 1 + 3 * width
    assert len(raw) == height * stride
    assert all(raw[row * stride] == 0 for row in range(height))  # filter type None
    assert chunks[2][1] == b""


def test_png_is_deterministic_and_seeded() -> None:
    assert png(32, 32, seed=1) == png(32, 32, seed=1)
    assert png(32, 32, seed=1) != png(32, 32, seed=2)
    pixels = zlib.decompress(list(png_chunks(png(32, 32, seed=1)))[1][1])
    assert len(set(pixels)) > 16  # not a flat colour


def test_media_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="width and height"):
        png(0, 10)
    with pytest.raises(ValueError, match="frames"):
        gif(10, 10, frames=0)
    with pytest.raises(ValueError, match="multiples of 16"):
        mp4(50, 48)
    assert CONTENT_TYPES == {"png": "image/png", "gif": "image/gif", "mp4": "video/mp4"}


# -- GIF ---------------------------------------------------------------------------------------


def lzw_decode(data: bytes, min_code_size: int) -> bytes:
    """An independent GIF LZW decoder (LSB-first codes, early change as GIF decoders do)."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    size = min_code_size + 1
    table: list[bytes] = []
    out = bytearray()
    previous: bytes | None = None
    acc = bits = pos = 0
    while True:
        while bits < size:
            assert pos < len(data), "ran out of data before the end code"
            acc |= data[pos] << bits
            bits += 8
            pos += 1
        code = acc & ((1 << size) - 1)
        acc >>= size
        bits -= size
        if code == clear:
            table = [bytes((i,)) for i in range(clear)] + [b"", b""]
            size, previous = min_code_size + 1, None
            continue
        if code == end:
            assert len(data) - pos <= 1, "data after the end code"
            return bytes(out)
        if code < len(table):
            entry = table[code]
        else:
            assert previous is not None and code == len(table), f"invalid code {code}"
            entry = previous + previous[:1]
        out += entry
        if previous is not None and len(table) < 4096:
            table.append(previous + entry[:1])
        previous = entry
        if len(table) == (1 << size) and size < 12:
            size += 1


@pytest.mark.parametrize(
    ("min_code_size", "values", "length"),
    [(8, 256, 60_000), (8, 4, 50_000), (2, 4, 30_000), (8, 256, 1), (8, 1, 5000)],
)
def test_lzw_round_trip(min_code_size: int, values: int, length: int) -> None:
    rng = random.Random(length)
    data = bytes(rng.randrange(values) for _ in range(length))
    assert lzw_decode(_lzw(data, min_code_size), min_code_size) == data


def test_lzw_known_answer() -> None:
    # the image data of a widely used 10x10 four-colour sample GIF (minimum code size 2)
    encoded = bytes.fromhex("8C2D99872A1CDC33A00275EC95FAA8DE608C04914C01")
    rows = ["1111122222"] * 3 + ["1110000222"] * 2 + ["2220000111"] * 2 + ["2222211111"] * 3
    indices = bytes(int(char) for char in "".join(rows))
    assert lzw_decode(encoded, 2) == indices
    assert _lzw(indices, 2) == encoded


@attrs.define
class GifFrame:
    delay: int
    disposal: int
    width: int
    height: int
    indices: bytes


def sub_blocks(data: bytes, pos: int) -> tuple[bytes, int]:
    out = bytearray()
    while data[pos]:
        out += data[pos + 1 : pos + 1 + data[pos]]
        pos += 1 + data[pos]
    return bytes(out), pos + 1


def parse_gif(data: bytes) -> tuple[int, int, bytes, bool, list[GifFrame]]:
    assert data[:6] == b"GIF89a"
    width, height, packed, _background, _aspect = struct.unpack("<HHBBB", data[6:13])
    assert packed & 0x80, "global colour table expected"
    table_size = 3 * (2 << (packed & 7))
    palette, pos = data[13 : 13 + table_size], 13 + table_size
    frames: list[GifFrame] = []
    looping = False
    delay = disposal = 0
    while True:
        marker = data[pos]
        if marker == 0x3B:
            assert pos == len(data) - 1
            return width, height, palette, looping, frames
        if marker == 0x21:
            label, size = data[pos + 1], data[pos + 2]
            block = data[pos + 3 : pos + 3 + size]
            if label == 0xF9:
                packed_gce, delay, _transparent = struct.unpack("<BHB", block)
                disposal = (packed_gce >> 2) & 7
            elif label == 0xFF:
                looping = block == b"NETSCAPE2.0"
            _, pos = sub_blocks(data, pos + 3 + size)
        elif marker == 0x2C:
            _left, _top, w, h, image_packed = struct.unpack("<HHHHB", data[pos + 1 : pos + 10])
            assert image_packed & 0x80 == 0, "no local colour table expected"
            min_code_size = data[pos + 10]
            compressed, pos = sub_blocks(data, pos + 11)
            indices = lzw_decode(compressed, min_code_size)
            frames.append(GifFrame(delay, disposal, w, h, indices))
        else:
            raise AssertionError(f"unexpected block 0x{marker:02x} at {pos}")


def test_gif_structure_and_frames() -> None:
    width, height, palette, looping, frames = parse_gif(gif(90, 70, frames=3, seed=5, delay_cs=40))
    assert (width, height, len(palette), looping) == (90, 70, 768, True)
    assert len(frames) == 3
    for frame in frames:
        assert (frame.delay, frame.disposal, frame.width, frame.height) == (40, 1, 90, 70)
        assert len(frame.indices) == 90 * 70
    assert len({frame.indices for frame in frames}) == 3  # it moves


def test_gif_large_frame_exercises_table_resets() -> None:
    _, _, _, _, frames = parse_gif(gif(400, 300, frames=1, seed=9))
    assert len(frames[0].indices) == 400 * 300


def test_gif_is_deterministic() -> None:
    assert gif(20, 20, frames=2, seed=1) == gif(20, 20, frames=2, seed=1)
    assert gif(20, 20, frames=2, seed=1) != gif(20, 20, frames=2, seed=2)


# -- MP4 / H.264 ---------------------------------------------------------------------------------

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"dinf", b"stbl"}
FULL_BOX_CHILDREN = {b"stsd": 8, b"dref": 8}  # version/flags + entry count, then boxes


@attrs.define
class Box:
    kind: bytes
    offset: int
    payload: bytes
    children: list[Box] = attrs.Factory(list)

    def find(self, *path: bytes) -> Box:
        box = self
        for kind in path:
            matches = [child for child in box.children if child.kind == kind]
            assert len(matches) == 1, f"expected one {kind!r} in {box.kind!r}"
            box = matches[0]
        return box


def parse_boxes(data: bytes, start: int, end: int) -> list[Box]:
    boxes, pos = [], start
    while pos < end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        assert 8 <= size <= end - pos, f"bad size for {kind!r}"
        box = Box(kind, pos, data[pos + 8 : pos + size])
        if kind in CONTAINERS:
            box.children = parse_boxes(data, pos + 8, pos + size)
        elif kind in FULL_BOX_CHILDREN:
            box.children = parse_boxes(data, pos + 8 + FULL_BOX_CHILDREN[kind], pos + size)
        elif kind == b"avc1":
            box.children = parse_boxes(data, pos + 8 + 78, pos + size)
        boxes.append(box)
        pos += size
    assert pos == end
    return boxes


class BitReader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def u(self, size: int) -> int:
        value = 0
        for _ in range(size):
            byte = self.data[self.pos // 8]
            value = (value << 1) | ((byte >> (7 - self.pos % 8)) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        value = self.ue()
        return (value + 1) // 2 if value % 2 else -(value // 2)


def unescape(nal: bytes) -> bytes:
    """Remove emulation-prevention bytes (00 00 03 -> 00 00)."""
    out, zeros = bytearray(), 0
    for byte in nal:
        if zeros >= 2 and byte == 3:
            zeros = 0
            continue
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def read_sps(nal: bytes) -> tuple[int, int, int]:
    assert nal[0] & 0x1F == 7
    bits = BitReader(unescape(nal[1:]))
    profile, _constraints, _level = bits.u(8), bits.u(8), bits.u(8)
    assert bits.ue() == 0  # sps id
    assert bits.ue() == 0  # log2_max_frame_num_minus4: frame_num has 4 bits
    assert bits.ue() == 2  # pic_order_cnt_type
    bits.ue()
    bits.u(1)
    width_mbs, height_mbs = bits.ue() + 1, bits.ue() + 1
    assert bits.u(1) == 1  # frame_mbs_only_flag
    return profile, width_mbs * 16, height_mbs * 16


def check_idr_slice(nal: bytes, width_mbs: int, height_mbs: int) -> bytes:
    """Walk an I_PCM IDR slice to its trailing bits; returns the picture's luma plane."""
    assert nal[0] == 0x65  # nal_ref_idc 3, type 5 (IDR)
    rbsp = unescape(nal[1:])
    bits = BitReader(rbsp)
    assert bits.ue() == 0  # first_mb_in_slice
    assert bits.ue() == 7  # I slice
    assert bits.ue() == 0  # pps id
    bits.u(4)  # frame_num
    bits.ue()  # idr_pic_id
    bits.u(2)  # dec_ref_pic_marking
    assert bits.se() == 0  # slice_qp_delta
    width = width_mbs * 16
    luma = bytearray(width * height_mbs * 16)
    for mb in range(width_mbs * height_mbs):
        assert bits.ue() == 25  # I_PCM
        while bits.pos % 8:
            assert bits.u(1) == 0
        start = bits.pos // 8
        samples = rbsp[start : start + 384]
        assert len(samples) == 384 and min(samples) >= 16 and max(samples) <= 235
        mb_x, mb_y = mb % width_mbs, mb // width_mbs
        for row in range(16):
            at = (mb_y * 16 + row) * width + mb_x * 16
            luma[at : at + 16] = samples[row * 16 : row * 16 + 16]
        bits.pos += 384 * 8
    assert bits.u(1) == 1  # rbsp_stop_one_bit
    while bits.pos % 8:
        assert bits.u(1) == 0
    assert bits.pos // 8 == len(rbsp)
    return bytes(luma)


def test_mp4_structure_and_stream() -> None:
    data = mp4(64, 48, frames=4, fps=8, seed=2)
    top = parse_boxes(data, 0, len(data))
    assert [box.kind for box in top] == [b"ftyp", b"moov", b"mdat"]
    assert top[0].payload[:4] == b"isom"
    moov, mdat = top[1], top[2]
    mvhd = moov.find(b"mvhd").payload
    timescale, duration = struct.unpack(">II", mvhd[12:20])
    assert duration * 1000 // timescale == 500  # 4 frames at 8 fps
    tkhd = moov.find(b"trak", b"tkhd").payload
    assert struct.unpack(">II", tkhd[-8:]) == (64 << 16, 48 << 16)
    mdia = moov.find(b"trak", b"mdia")
    assert mdia.find(b"hdlr").payload[8:12] == b"vide"
    stbl = mdia.find(b"minf", b"stbl")
    avc1 = stbl.find(b"stsd", b"avc1")
    assert struct.unpack(">HH", avc1.payload[24:28]) == (64, 48)
    avcc = avc1.find(b"avcC").payload
    assert avcc[0] == 1 and avcc[4] & 3 == 3 and avcc[5] & 0x1F == 1
    (sps_length,) = struct.unpack(">H", avcc[6:8])
    sps = avcc[8 : 8 + sps_length]
    assert avcc[8 + sps_length] == 1
    (pps_length,) = struct.unpack(">H", avcc[9 + sps_length : 11 + sps_length])
    pps = avcc[11 + sps_length : 11 + sps_length + pps_length]
    assert pps[0] & 0x1F == 8
    profile, width, height = read_sps(sps)
    assert (profile, width, height) == (66, 64, 48)

    stsz = stbl.find(b"stsz").payload
    _, uniform, count = struct.unpack(">III", stsz[:12])
    sizes = struct.unpack(f">{count}I", stsz[12:])
    assert (uniform, count) == (0, 4)
    media_timescale, media_duration = struct.unpack(">II", mdia.find(b"mdhd").payload[12:20])
    assert media_duration / media_timescale == 0.5
    assert struct.unpack(">IIII", stbl.find(b"stts").payload) == (0, 1, 4, media_timescale // 8)
    assert struct.unpack(">IIIII", stbl.find(b"stsc").payload[:20]) == (0, 1, 1, 4, 1)
    _, entries, offset = struct.unpack(">III", stbl.find(b"stco").payload)
    assert entries == 1 and offset == mdat.offset + 8
    assert sum(sizes) == len(mdat.payload)

    lumas = []
    pos = offset
    for size in sizes:
        (nal_length,) = struct.unpack(">I", data[pos : pos + 4])
        assert nal_length == size - 4
        lumas.append(check_idr_slice(data[pos + 4 : pos + size], 4, 3))
        pos += size
    assert len(set(lumas)) == 4  # every frame differs


def test_mp4_is_deterministic() -> None:
    assert mp4(32, 32, frames=2, seed=1) == mp4(32, 32, frames=2, seed=1)
    assert mp4(32, 32, frames=2, seed=1) != mp4(32, 32, frames=2, seed=2)


def mp4_lumas(data: bytes, width_mbs: int, height_mbs: int) -> list[bytes]:
    """Luma planes of every sample, read with the parsers above."""
    top = parse_boxes(data, 0, len(data))
    stbl = top[1].find(b"trak", b"mdia", b"minf", b"stbl")
    _, _, count = struct.unpack(">III", stbl.find(b"stsz").payload[:12])
    sizes = struct.unpack(f">{count}I", stbl.find(b"stsz").payload[12:])
    pos = struct.unpack(">III", stbl.find(b"stco").payload)[2]
    lumas = []
    for size in sizes:
        lumas.append(check_idr_slice(data[pos + 4 : pos + size], width_mbs, height_mbs))
        pos += size
    return lumas


def test_independent_decoder_agrees() -> None:
    """FFmpeg (through PyAV, when installed) decodes all three formats to the same pixels."""
    av = pytest.importorskip("av")
    import io

    video = mp4(64, 48, frames=3, fps=6, seed=4)
    with av.open(io.BytesIO(video)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 64, 48)
        decoded = []
        for frame in container.decode(video=0):
            plane = frame.planes[0]
            raw = bytes(plane)
            decoded.append(b"".join(raw[y * plane.line_size :][:64] for y in range(48)))
    assert decoded == mp4_lumas(video, 4, 3)

    image = png(37, 11, seed=6)
    with av.open(io.BytesIO(image)) as container:
        [frame] = list(container.decode(video=0))
        rgb = frame.to_rgb().planes[0]
        pixels = b"".join(bytes(rgb)[y * rgb.line_size :][: 37 * 3] for y in range(11))
    scanlines = zlib.decompress(list(png_chunks(image))[1][1])
    assert pixels == b"".join(scanlines[y * 112 + 1 : (y + 1) * 112] for y in range(11))

    animation = gif(30, 20, frames=3, seed=8)
    _, _, palette, _, frames = parse_gif(animation)
    with av.open(io.BytesIO(animation)) as container:
        decoded_frames = list(container.decode(video=0))
    assert len(decoded_frames) == 3
    for parsed, frame in zip(frames, decoded_frames, strict=True):
        rgb = frame.to_rgb().planes[0]
        pixels = b"".join(bytes(rgb)[y * rgb.line_size :][: 30 * 3] for y in range(20))
        expected = b"".join(palette[3 * i : 3 * i + 3] for i in parsed.indices)
        assert pixels == expected
