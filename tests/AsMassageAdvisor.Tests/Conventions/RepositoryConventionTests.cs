using System.Diagnostics;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Conventions;

/// <summary>The repository stands on its own: a clone needs nothing that lives beside it.</summary>
public sealed class RepositoryConventionTests
{
    // Built from parts so that this file does not name the folder it forbids.
    private static readonly string SiblingFolder = string.Concat("..", "/", "shared");

    [Fact]
    public void No_file_of_the_build_time_rule_compiler_is_copied_beside_what_uses_the_library()
    {
        // This folder holds the library and the command-line tool as any program that references them gets them.
        Directory.GetFiles(AppContext.BaseDirectory, "AsMassageAdvisor.RuleCompiler*").Should().BeEmpty();
    }

    [Fact]
    public void No_file_outside_the_ci_folder_points_at_a_folder_beside_the_repository()
    {
        var files = RepositoryFileList();

        var offenders = files
            .Where(f => !f.StartsWith(".ci/", StringComparison.Ordinal))
            .Where(f => IsText(RepositoryFiles.Path(f)) && File.ReadAllText(RepositoryFiles.Path(f)).Contains(SiblingFolder, StringComparison.Ordinal))
            .ToList();

        files.Should().Contain("README.md", "the file list must cover the repository");
        offenders.Should().BeEmpty("nobody who clones the repository has the folder beside it");
    }

    // The tracked files when git can tell; otherwise every file below the root except build output.
    private static List<string> RepositoryFileList()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", RepositoryFiles.Root, "ls-files", "-z"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start)!;
            var listing = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0 && listing.Length > 0)
            {
                return listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(RepositoryFiles.Path(f))).ToList();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: fall through to a walk of the folder.
        }

        string[] skipped = ["bin", "obj", ".git", "TestResults", "artifacts", "node_modules"];
        return Directory.EnumerateFiles(RepositoryFiles.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => skipped.Contains(part)))
            .ToList();
    }

    private static bool IsText(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > 4 * 1024 * 1024)
        {
            return false;
        }

        var head = new byte[Math.Min(4096, (int)info.Length)];
        using (var stream = info.OpenRead())
        {
            stream.ReadExactly(head);
        }

        return Array.IndexOf(head, (byte)0) < 0;
    }
}
