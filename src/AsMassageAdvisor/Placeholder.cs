namespace AsMassageAdvisor; internal static class Placeholder {}
