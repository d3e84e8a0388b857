Console.WriteLine("shooty");
