using System.Collections.Frozen;

namespace EventContracts.Linting;

/// <summary>Decides whether an event-type segment reads as a past-tense verb, the way events are named.</summary>
internal static class PastTenseVerbs
{
    // Regular verbs end in "ed" (created, shipped, cancelled); these are the irregular ones event names use.
    // Generous on purpose: a false "not past tense" blocks a registration, a missed one costs nothing.
    private static readonly FrozenSet<string> Irregular = new[]
    {
        "paid", "prepaid", "repaid", "overpaid", "underpaid", "laid", "mislaid", "relaid",
        "sent", "resent", "spent", "lent", "bent", "meant", "dealt", "felt", "knelt", "dwelt",
        "built", "rebuilt", "made", "remade", "sold", "resold", "bought", "held", "withheld", "upheld",
        "won", "lost", "kept", "left", "met", "read", "reread", "run", "rerun", "overrun",
        "set", "reset", "preset", "offset", "upset", "put", "cut", "let", "sublet", "cast", "broadcast", "forecast",
        "begun", "done", "redone", "undone", "overdone", "given", "forgiven", "taken", "retaken", "overtaken", "undertaken", "mistaken",
        "written", "rewritten", "underwritten", "chosen", "frozen", "unfrozen", "found", "brought", "caught", "taught",
        "thought", "sought", "fought", "told", "retold", "withdrawn", "drawn", "overdrawn", "known", "shown",
        "seen", "foreseen", "overseen", "split", "shut", "hit", "quit", "bid", "outbid", "spread", "shed",
        "forgotten", "got", "gotten", "forgot", "struck", "stuck", "hung", "dug", "led", "misled", "fed", "fled", "sped",
        "slid", "lit", "bound", "unbound", "rebound", "wound", "rewound", "unwound", "ground", "overridden", "ridden",
        "driven", "risen", "arisen", "eaten", "fallen", "hidden", "bitten", "shaken", "stolen", "sworn", "torn", "worn",
        "woken", "awoken", "thrown", "grown", "outgrown", "flown", "blown", "broken", "spoken", "forbidden", "understood",
        "stood", "withstood", "swept", "slept", "wept", "crept", "leapt", "learnt", "spelt", "spilt", "burnt", "dreamt",
        "spoilt", "smelt", "bred", "clad", "shot", "sat", "spun", "sunk", "sung", "rung", "swung", "strung", "stung",
        "hurt", "cost", "burst", "fit", "shorn", "sewn", "sown", "mown", "hewn", "proven", "shone", "slung", "spat",
        "became", "become", "came", "gone", "went", "ran", "began", "gave", "took", "wrote", "chose", "froze",
        "saw", "knew", "drew", "grew", "threw", "flew", "broke", "spoke", "woke", "rode", "drove", "rose", "ate", "fell",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsPastTense(string segment) =>
        (segment.Length > 2 && segment.EndsWith("ed", StringComparison.Ordinal)) || Irregular.Contains(segment);
}
