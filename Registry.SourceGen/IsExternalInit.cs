// netstandard2.0 lacks the type the compiler needs for records and init accessors; declaring it internally is
// the documented way to use those features on older targets.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
