using Spectre.Console;

namespace EventContracts.Cli.Output;

/// <summary>The Spectre console for text output: colour on a terminal, plain text when stdout is redirected.</summary>
internal static class Terminal
{
    public static IAnsiConsole Create()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });

        if (redirected)
        {
            // A CI log is wider than the 80 columns Spectre assumes without a terminal; wrap less.
            console.Profile.Width = 140;
        }

        return console;
    }

    /// <summary>
    /// One line of markup. Redirected, it is written as plain text and never wrapped, so a CI log keeps one line per
    /// file or pair (long messages stay greppable); on a terminal Spectre wraps it to the window.
    /// </summary>
    public static void Line(IAnsiConsole console, string markup)
    {
        if (Console.IsOutputRedirected)
        {
            Console.Out.Write(Markup.Remove(markup));
            Console.Out.Write('\n');
        }
        else
        {
            console.MarkupLine(markup);
        }
    }

    /// <summary>User text (paths, messages, names) inside markup: never interpreted as Spectre markup.</summary>
    public static string Text(string? value) => Markup.Escape(value ?? string.Empty);
}
