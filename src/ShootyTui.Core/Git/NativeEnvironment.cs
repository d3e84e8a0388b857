using System.Runtime.InteropServices;

namespace ShootyTui.Core.Git;

/// <summary>
/// Sets environment variables that native libraries see.
/// </summary>
/// <remarks>
/// On Unix, <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only the
/// runtime's managed copy of the environment, and libgit2 reads the C library's with getenv, so
/// both are set here.
/// </remarks>
internal static class NativeEnvironment
{
    // NOTE: setenv is not thread-safe against a concurrent getenv in another native thread. The
    // callers change variables only while no fetch runs (under the fetch gate).
    public static void Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var result = value is null ? UnsetEnv(name) : SetEnv(name, value, 1);
        if (result != 0)
        {
            throw new InvalidOperationException(
                $"Setting the environment variable {name} failed (errno "
                    + $"{Marshal.GetLastPInvokeError()})."
            );
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling code needs unsafe blocks,
    // which the project does not allow.
    [DllImport("libc", EntryPoint = "setenv", SetLastError = true)]
    private static extern int SetEnv(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value,
        int overwrite
    );

    [DllImport("libc", EntryPoint = "unsetenv", SetLastError = true)]
    private static extern int UnsetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
