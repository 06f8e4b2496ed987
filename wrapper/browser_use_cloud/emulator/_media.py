"""Small, deterministic, real media files for emulated screenshots, GIFs and recordings.

Interface (same arguments, same bytes)::

    png(width=320, height=240, seed=0) -> bytes                 # image/png, 8-bit RGB
    gif(width=160, height=120, frames=4, seed=0, delay_cs=25) -> bytes
                                                                # image/gif, GIF89a, looping
    mp4(width=64, height=48, frames=5, fps=5, seed=0) -> bytes  # video/mp4, H.264 Baseline

Images show a seed-dependent gradient (the GIF's frames move); each frame of the video
is a seed-dependent gradient too. The PNG is zlib-compressed scanlines with CRC'd chunks;
the GIF uses a 256-colour global table and variable-width LZW (with table resets).
The MP4 is an ISO BMFF file (ftyp, moov with one ``avc1`` track, mdat) whose H.264
stream encodes every macroblock as I_PCM (raw samples), so no entropy coder or
transform is needed: every frame is an IDR picture. Video sides must be multiples of 16.
``CONTENT_TYPES`` maps the format names to their media types.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Iterable

__all__ = ["CONTENT_TYPES", "gif", "mp4", "png"]

CONTENT_TYPES = {"png": "image/png", "gif": "image/gif", "mp4": "video/mp4"}


def _check_size(width: int, height: int, limit: int) -> None:
    if not (1 <= width <= limit and 1 <= height <= limit):
        raise ValueError(f"width and height must be between 1 and {limit}, got {width}x{height}")


def _ramp(seed: int, salt: int, length: int) -> bytes:
    """A byte ramp with a seed-dependent start and slope (cheap to build, compresses well)."""
    rng = random.Random(seed * 7919 + salt)
    start, slope = rng.randrange(256), rng.choice((1, 2, 3, 5))
    return bytes((start + slope * i) & 0xFF for i in range(length))


def _shift(amount: int) -> bytes:
    """Translation table adding ``amount`` modulo 256."""
    return bytes((i + amount) & 0xFF for i in range(256))


# -- PNG ---------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width: int = 320, height: int = 240, seed: int = 0) -> bytes:
    """An RGB PNG of a seed-dependent gradient."""
    _check_size(width, height, 16384)
    red, green, blue = (_ramp(seed, salt, width) for salt in (1, 2, 3))
    base = bytes(value for pixel in zip(red, green, blue, strict=True) for value in pixel)
    rows = b"".join(b"\x00" + base.translate(_shift(y)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows, 6)),
            _chunk(b"IEND", b""),
        )
    )


# -- GIF ---------------------------------------------------------------------------------


def _lzw(indices: bytes, min_code_size: int) -> bytes:
    """GIF-flavoured LZW: LSB-first variable-width codes, clear code when the table fills."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    out = bytearray()
    acc = bits = 0

    def emit(code: int, size: int) -> None:
        nonlocal acc, bits
        acc |= code << bits
        bits += size
        while bits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            bits -= 8

    def fresh() -> dict[bytes, int]:
        return {bytes((i,)): i for i in range(clear)}

    table, size, next_code = fresh(), min_code_size + 1, end + 1
    emit(clear, size)
    prefix = indices[:1]
    for value in indices[1:]:
        candidate = prefix + bytes((value,))
        if candidate in table:
            prefix = candidate
            continue
        emit(table[prefix], size)
        if next_code < 4096:
            table[candidate] = next_code
            next_code += 1
            if next_code > (1 << size) and size < 12:
                size += 1
        else:
            emit(clear, size)
            table, size, next_code = fresh(), min_code_size + 1, end + 1
        prefix = bytes((value,))
    if prefix:
        emit(table[prefix], size)
    emit(end, size)
    if bits:
        out.append(acc & 0xFF)
    return bytes(out)


def _sub_blocks(data: bytes) -> bytes:
    parts = [bytes((len(data[i : i + 255]),)) + data[i : i + 255] for i in range(0, len(data), 255)]
    return b"".join(parts) + b"\x00"


def gif(
    width: int = 160, height: int = 120, frames: int = 4, seed: int = 0, delay_cs: int = 25
) -> bytes:
    """An animated, looping GIF89a; each frame shows for ``delay_cs`` hundredths of a second."""
    _check_size(width, height, 65535)
    if frames < 1:
        raise ValueError(f"frames must be >= 1, got {frames}")
    if not 0 <= delay_cs <= 65535:
        raise ValueError(f"delay_cs must be between 0 and 65535, got {delay_cs}")
    palette = b"".join(_ramp(seed, salt, 256) for salt in (4, 5, 6))
    table = bytes(palette[i + k * 256] for i in range(256) for k in range(3))
    parts = [
        b"GIF89a",
        struct.pack("<HHBBB", width, height, 0xF7, 0, 0),
        table,
        b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00",
    ]
    columns = _ramp(seed, 7, width)
    for frame in range(frames):
        step = frame * max(1, width // max(frames, 1))
        indices = b"".join(
            columns.translate(_shift(((y // 4) * 16 + step) & 0xFF)) for y in range(height)
        )
        parts.append(struct.pack("<BBBBHBB", 0x21, 0xF9, 4, 0x04, delay_cs, 0, 0))
        parts.append(struct.pack("<BHHHHB", 0x2C, 0, 0, width, height, 0))
        parts.append(b"\x08" + _sub_blocks(_lzw(indices, 8)))
    parts.append(b"\x3b")
    return b"".join(parts)


# -- H.264 (I_PCM) in MP4 ----------------------------------------------------------------


class _Bits:
    """MSB-first bit writer with Exp-Golomb codes, as H.264 headers use."""

    def __init__(self) -> None:
        self.data = bytearray()
        self._acc = 0
        self._count = 0

    def u(self, size: int, value: int) -> None:
        for shift in range(size - 1, -1, -1):
            self._acc = (self._acc << 1) | ((value >> shift) & 1)
            self._count += 1
            if self._count == 8:
                self.data.append(self._acc)
                self._acc = self._count = 0

    def ue(self, value: int) -> None:
        code = value + 1
        self.u(code.bit_length() - 1, 0)
        self.u(code.bit_length(), code)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align(self) -> None:
        while self._count:
            self.u(1, 0)

    def raw(self, data: bytes) -> None:
        assert self._count == 0, "raw bytes need byte alignment"
        self.data += data

    def trailing(self) -> bytes:
        self.u(1, 1)
        self.align()
        return bytes(self.data)


def _nal(ref_idc: int, nal_type: int, rbsp: bytes) -> bytes:
    """NAL unit with emulation-prevention bytes inserted."""
    out = bytearray(((ref_idc << 5) | nal_type,))
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


_PROFILE, _CONSTRAINTS, _LEVEL = 66, 0xC0, 30  # Constrained Baseline, level 3.0


def _sps(width_mbs: int, height_mbs: int) -> bytes:
    bits = _Bits()
    bits.u(8, _PROFILE)
    bits.u(8, _CONSTRAINTS)
    bits.u(8, _LEVEL)
    bits.ue(0)  # seq_parameter_set_id
    bits.ue(0)  # log2_max_frame_num_minus4
    bits.ue(2)  # pic_order_cnt_type
    bits.ue(1)  # max_num_ref_frames
    bits.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    bits.ue(width_mbs - 1)
    bits.ue(height_mbs - 1)
    bits.u(1, 1)  # frame_mbs_only_flag
    bits.u(1, 1)  # direct_8x8_inference_flag
    bits.u(1, 0)  # frame_cropping_flag
    bits.u(1, 0)  # vui_parameters_present_flag
    return _nal(3, 7, bits.trailing())


def _pps() -> bytes:
    bits = _Bits()
    bits.ue(0)  # pic_parameter_set_id
    bits.ue(0)  # seq_parameter_set_id
    bits.u(1, 0)  # entropy_coding_mode_flag (CAVLC)
    bits.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    bits.ue(0)  # num_slice_groups_minus1
    bits.ue(0)  # num_ref_idx_l0_default_active_minus1
    bits.ue(0)  # num_ref_idx_l1_default_active_minus1
    bits.u(1, 0)  # weighted_pred_flag
    bits.u(2, 0)  # weighted_bipred_idc
    bits.se(0)  # pic_init_qp_minus26
    bits.se(0)  # pic_init_qs_minus26
    bits.se(0)  # chroma_qp_index_offset
    bits.u(1, 0)  # deblocking_filter_control_present_flag
    bits.u(1, 0)  # constrained_intra_pred_flag
    bits.u(1, 0)  # redundant_pic_cnt_present_flag
    return _nal(3, 8, bits.trailing())


def _clip(ramp: bytes) -> bytes:
    """Keep samples in the nominal video range 16..235 (never zero)."""
    return bytes(16 + value * 219 // 255 for value in ramp)


def _idr_slice(width_mbs: int, height_mbs: int, frame: int, seed: int) -> bytes:
    bits = _Bits()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(7)  # slice_type: I, all slices of the picture
    bits.ue(0)  # pic_parameter_set_id
    bits.u(4, 0)  # frame_num
    bits.ue(frame % 2)  # idr_pic_id: consecutive IDR pictures differ
    bits.u(1, 0)  # no_output_of_prior_pics_flag
    bits.u(1, 0)  # long_term_reference_flag
    bits.se(0)  # slice_qp_delta
    luma_row = _clip(_ramp(seed, 8, width_mbs * 16))
    cb_row, cr_row = (_clip(_ramp(seed, salt, width_mbs * 8)) for salt in (9, 10))
    for mb_y in range(height_mbs):
        for mb_x in range(width_mbs):
            bits.ue(25)  # mb_type I_PCM
            bits.align()  # pcm_alignment_zero_bit
            bits.raw(_pcm_block(luma_row, mb_x, mb_y, 16, frame))
            bits.raw(_pcm_block(cb_row, mb_x, mb_y, 8, frame))
            bits.raw(_pcm_block(cr_row, mb_x, mb_y, 8, frame))
    return _nal(3, 5, bits.trailing())


def _pcm_block(row: bytes, mb_x: int, mb_y: int, side: int, frame: int) -> bytes:
    lines = []
    for y in range(mb_y * side, (mb_y + 1) * side):
        shift = (y + frame * 8) % 64
        line = row[mb_x * side : (mb_x + 1) * side]
        lines.append(bytes(16 + (value - 16 + shift) % 220 for value in line))
    return b"".join(lines)


def _box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *payload)


_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _moov(
    width: int,
    height: int,
    sizes: Iterable[int],
    fps: int,
    mdat_offset: int,
    sps: bytes,
    pps: bytes,
) -> bytes:
    sizes = list(sizes)
    timescale = 1000 * fps
    delta = 1000
    duration = delta * len(sizes)
    movie_duration = duration * 1000 // timescale  # movie timescale is 1000
    avcc = _box(
        b"avcC",
        bytes((1, _PROFILE, _CONSTRAINTS, _LEVEL, 0xFF, 0xE1)),
        struct.pack(">H", len(sps)),
        sps,
        b"\x01",
        struct.pack(">H", len(pps)),
        pps,
    )
    avc1 = _box(
        b"avc1",
        bytes(6),
        struct.pack(">H", 1),  # data_reference_index
        bytes(16),
        struct.pack(">HHIIIH", width, height, 0x480000, 0x480000, 0, 1),
        bytes(32),  # compressorname
        struct.pack(">Hh", 0x18, -1),
        avcc,
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, len(sizes), delta)),
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, len(sizes), 1)),
        _full_box(
            b"stsz", 0, 0, struct.pack(">II", 0, len(sizes)), *(struct.pack(">I", s) for s in sizes)
        ),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, mdat_offset)),
    )
    minf = _box(
        b"minf",
        _full_box(b"vmhd", 0, 1, bytes(8)),
        _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1))),
        stbl,
    )
    mdia = _box(
        b"mdia",
        _full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, timescale, duration, 0x55C4, 0)),
        _full_box(b"hdlr", 0, 0, bytes(4), b"vide", bytes(12), b"VideoHandler\x00"),
        minf,
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        3,
        struct.pack(">IIIII", 0, 0, 1, 0, movie_duration),
        bytes(8),
        struct.pack(">hhhH", 0, 0, 0, 0),
        _MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIIIIH", 0, 0, 1000, movie_duration, 0x10000, 0x100),
        bytes(10),
        _MATRIX,
        bytes(24),
        struct.pack(">I", 2),
    )
    return _box(b"moov", mvhd, _box(b"trak", tkhd, mdia))


def mp4(width: int = 64, height: int = 48, frames: int = 5, fps: int = 5, seed: int = 0) -> bytes:
    """An H.264 (Constrained Baseline, I_PCM) MP4 video of ``frames`` gradient frames."""
    if width % 16 or height % 16 or not (16 <= width <= 4096 and 16 <= height <= 4096):
        raise ValueError(f"video sides must be multiples of 16 in 16..4096, got {width}x{height}")
    if frames < 1 or not 1 <= fps <= 240:
        raise ValueError(f"need frames >= 1 and fps in 1..240, got {frames} and {fps}")
    width_mbs, height_mbs = width // 16, height // 16
    sps, pps = _sps(width_mbs, height_mbs), _pps()
    samples = []
    for frame in range(frames):
        nal = _idr_slice(width_mbs, height_mbs, frame, seed)
        samples.append(struct.pack(">I", len(nal)) + nal)
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    sizes = [len(sample) for sample in samples]
    moov_size = len(_moov(width, height, sizes, fps, 0, sps, pps))
    mdat_offset = len(ftyp) + moov_size + 8
    moov = _moov(width, height, sizes, fps, mdat_offset, sps, pps)
    return ftyp + moov + _box(b"mdat", *samples)
