using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace KmsAnalyzers.Cli;

/// <summary>
/// Console output: results on stdout, progress and problems on stderr (so <c>--format json</c> stays parseable). On a
/// terminal, progress is a spinner with the current step; redirected, one plain line per step.
/// </summary>
internal sealed class Reporter
{
    private StatusContext? _status;

    public Reporter()
    {
        Out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Redirected to a log or a pipe: never wrap a finding's line (CI logs and editors parse them).
        if (!Out.Profile.Capabilities.Interactive)
            Out.Profile.Width = 4096;
        if (!Err.Profile.Capabilities.Interactive)
            Err.Profile.Width = 4096;
    }

    public IAnsiConsole Out { get; }
    public IAnsiConsole Err { get; }

    public void Progress(string message)
    {
        if (_status is not null)
            _status.Status(Markup.Escape(message));
        else
            Err.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");
    }

    public void Warning(string message) => Err.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));

    public void Error(string message) => Err.MarkupLine("[red]error:[/] " + Markup.Escape(message));

    /// <summary>Runs a long step with a spinner on a terminal, or with plain progress lines otherwise.</summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<Task<T>> step)
    {
        if (!Err.Profile.Capabilities.Interactive)
        {
            Progress(title);
            return await step().ConfigureAwait(false);
        }

        return await Err.Status().StartAsync(Markup.Escape(title), async context =>
        {
            _status = context;
            try
            {
                return await step().ConfigureAwait(false);
            }
            finally
            {
                _status = null;
            }
        }).ConfigureAwait(false);
    }
}
