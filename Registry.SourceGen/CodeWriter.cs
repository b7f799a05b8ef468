using System.Text;

namespace EventContracts.SourceGen;

/// <summary>Indented C# text with '\n' line endings, so the output is the same on every machine.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new();

    public int Indent { get; set; }

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', Indent * 4).Append(text);
        }

        _sb.Append('\n');
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        Indent++;
    }

    public void Close(string suffix = "")
    {
        Indent--;
        Line("}" + suffix);
    }

    public override string ToString() => _sb.ToString();
}
