using System.Net.Sockets;
using System.Text.Json;

namespace EventContracts.Client;

/// <summary>Reads a registry error body: Confluent's <c>{"error_code","message"}</c> or RFC 9457 problem details.</summary>
internal static class RegistryErrors
{
    public static (string? Message, int? ErrorCode) Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (Shorten(body), null);
            }

            int? errorCode = null;
            if ((root.TryGetProperty("error_code", out var code) || root.TryGetProperty("errorCode", out code)) && code.TryGetInt32(out var number))
            {
                errorCode = number;
            }

            foreach (var name in (string[])["message", "detail", "title"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return (text, errorCode);
                }
            }

            return (Shorten(body), errorCode);
        }
        catch (JsonException)
        {
            return (Shorten(body), null);
        }
    }

    public static string Suffix(string body) => Read(body).Message is { } message ? $": {message}" : string.Empty;

    public static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    /// <summary>A transport failure in words: the innermost exception says it best ("Connection refused (127.0.0.1:1)").</summary>
    public static string Describe(HttpRequestException e)
    {
        var inner = e.InnerException;
        while (inner?.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var detail = inner is SocketException or IOException or System.Security.Authentication.AuthenticationException ? inner.Message : e.Message;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"cannot resolve the host name ({detail})",
            HttpRequestError.ConnectionError => $"cannot connect ({detail})",
            HttpRequestError.SecureConnectionError => $"the TLS handshake failed ({detail})",
            _ => detail,
        };
    }
}
