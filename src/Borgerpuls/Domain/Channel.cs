namespace Borgerpuls.Domain;

/// <summary>How a response was collected (kanal).</summary>
public enum Channel
{
    Kiosk,
    Tablet,
    Link,
    Web,
    Paper,
    Import,
}
