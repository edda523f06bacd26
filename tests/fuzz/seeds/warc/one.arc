filedesc://seed.arc 0.0.0.0 20190227080000 text/plain 69
1 0 Example
URL IP-address Archive-date Content-type Archive-length

https://news.example.com/hanoi 93.184.216.34 20190227080000 text/html 1344
HTTP/1.1 200 OK
Content-Type: text/html; charset=utf-8
Content-Length: 1263

<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Trump and Kim meet in Hanoi - Example News</title><meta property="og:title" content="Trump and Kim meet in Hanoi"><meta property="article:published_time" content="2019-02-27T08:00:00Z"><link rel="canonical" href="https://news.example.com/hanoi"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Trump and Kim meet in Hanoi","datePublished":"2019-02-27","author":{"@type":"Person","name":"A. Reporter"}}</script><style>p{color:red}</style></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Trump and Kim meet in Hanoi</h1><time datetime="2019-02-27">Feb 27</time><p>SEOUL, Feb. 27 (Reuters) - U.S. President Donald Trump met North Korean leader Kim Jong Un in Hanoi on Wednesday, a day after he arrived, and said the talks would go on. &quot;We will keep talking,&quot; Trump told reporters at 10 a.m. Kim said the sanctions must end first, according to state media. Two days later, South Korea’s President Moon Jae-in praised the summit and urged both sides to meet again next month.</p><p>The White House said no date had been set for a third meeting.</p><svg><path d="M0 0L1 1"/></svg></article><footer>&copy; Example</footer></body></html>
