using System.Runtime.InteropServices;
using System.Text;

namespace ShootyTui.Core.Secrets;

/// <summary>Reads a file's owner uid with statx(2), whose layout is the same on every arch.</summary>
internal static class UnixOwner
{
    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x8;
    private const int UidOffset = 20;

    public static uint CurrentUser => geteuid();

    /// <summary>Returns the owner uid of <paramref name="path"/>, or null when stat failed.</summary>
    public static uint? Of(string path)
    {
        var buffer = new byte[256];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        if (statx(AtFdCwd, name, 0, StatxUid, buffer) != 0)
        {
            return null;
        }

        return BitConverter.ToUInt32(buffer, UidOffset);
    }

    // DllImport with blittable arrays needs neither marshalling code nor AllowUnsafeBlocks.
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc")]
    private static extern uint geteuid();
}
