using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Omtanke.Core.Import;

/// <summary>
/// HMAC-SHA-256 of a short message from the key's precomputed inner and outer SHA-256 states (RFC 2104, section 4):
/// two runs of SHA-256's block function per message, called in OpenSSL's libcrypto directly. An import hashes one
/// patient id per row, and the full HMAC call's per-call bookkeeping in OpenSSL costs three times the hashing itself
/// (0.46 against 0.11 µs a row, 3.5 s of a 10 M-row import's client time).
/// </summary>
internal sealed unsafe class Sha256Midstates
{
    /// <summary>The longest message that fits one block with SHA-256's padding: 64 − 1 (0x80) − 8 (length).</summary>
    public const int MaxMessageBytes = 55;

    private const int BlockBytes = 64;
    private const int DigestBytes = HMACSHA256.HashSizeInBytes;
    /// <summary>OpenSSL's SHA256_CTX: h[8], Nl, Nh, data[16], num, md_len (all 32-bit); the block function uses h.</summary>
    private const int ContextBytes = 112;

    private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, void> _transform;
    private readonly byte[] _inner = new byte[ContextBytes];
    private readonly byte[] _outer = new byte[ContextBytes];

    private Sha256Midstates(nint transform, nint init, nint update, byte[] key)
    {
        _transform = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, void>)transform;
        var initFn = (delegate* unmanaged<byte*, int>)init;
        var updateFn = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
        Span<byte> block = stackalloc byte[BlockBytes];
        // A key longer than a block is hashed first (RFC 2104); HMACSHA256 does the same.
        var shortKey = key.Length > BlockBytes ? SHA256.HashData(key) : key;
        foreach (var (state, pad) in new[] { (_inner, (byte)0x36), (_outer, (byte)0x5c) })
        {
            block.Fill(pad);
            for (var i = 0; i < shortKey.Length; i++) block[i] = (byte)(shortKey[i] ^ pad);
            fixed (byte* ctx = state)
            fixed (byte* data = block)
            {
                initFn(ctx);
                updateFn(ctx, data, BlockBytes);
            }
        }
    }

    /// <summary>
    /// The midstates of <paramref name="key"/>, or null where libcrypto's SHA-256 block function cannot be found or
    /// does not give HMACSHA256's result for a test message: the caller then uses HMACSHA256.
    /// </summary>
    public static Sha256Midstates? TryCreate(byte[] key)
    {
        // The library .NET's own cryptography loads on Linux: OpenSSL 3, or 1.1 on older systems (the same functions).
        var library = nint.Zero;
        if (!new[] { "libcrypto.so.3", "libcrypto.so.1.1" }.Any(name => NativeLibrary.TryLoad(name, out library))) return null;
        if (!NativeLibrary.TryGetExport(library, "SHA256_Transform", out var transform)
            || !NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
            || !NativeLibrary.TryGetExport(library, "SHA256_Update", out var update))
            return null;
        var midstates = new Sha256Midstates(transform, init, update, key);
        Span<byte> ours = stackalloc byte[DigestBytes];
        var probe = "194001011234omtanke"u8;
        midstates.Hash(probe, ours);
        return ours.SequenceEqual(HMACSHA256.HashData(key, probe)) ? midstates : null;
    }

    /// <summary>Writes HMAC-SHA-256(key, <paramref name="message"/>) into <paramref name="destination"/> (<see cref="DigestBytes"/> long).</summary>
    public void Hash(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (message.Length > MaxMessageBytes) throw new ArgumentOutOfRangeException(nameof(message));
        var ctx = stackalloc byte[ContextBytes];
        var block = stackalloc byte[BlockBytes];
        var blockSpan = new Span<byte>(block, BlockBytes);

        // Inner: H(K ⊕ ipad ‖ message), the message padded to the end of its one block.
        blockSpan.Clear();
        message.CopyTo(blockSpan);
        block[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], (ulong)(BlockBytes + message.Length) * 8);
        fixed (byte* inner = _inner) Buffer.MemoryCopy(inner, ctx, ContextBytes, ContextBytes);
        _transform(ctx, block);

        // Outer: H(K ⊕ opad ‖ inner hash).
        blockSpan.Clear();
        WriteDigest(ctx, blockSpan);
        block[DigestBytes] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], (BlockBytes + DigestBytes) * 8);
        fixed (byte* outer = _outer) Buffer.MemoryCopy(outer, ctx, ContextBytes, ContextBytes);
        _transform(ctx, block);
        WriteDigest(ctx, destination);
    }

    /// <summary>The state words h[0..7] as the big-endian digest.</summary>
    private static void WriteDigest(byte* ctx, Span<byte> destination)
    {
        var words = (uint*)ctx;
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], words[i]);
    }
}
